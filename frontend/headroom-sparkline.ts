import { LitElement, svg, css } from 'lit';

/**
 * A line of a few dozen values drawn as SVG, sized by CSS: the shape of a series beside its number
 * in a grid row. Null values are gaps. The y axis runs from zero, so a flat line near the top is
 * steady traffic and one near the bottom is little.
 */
export class HeadroomSparkline extends LitElement {
  static properties = {
    values: { attribute: false },
    color: { type: String },
  };

  static styles = css`
    :host {
      display: inline-block;
      width: 6rem;
      height: 1.5rem;
      vertical-align: middle;
    }
    svg {
      width: 100%;
      height: 100%;
      overflow: visible;
    }
  `;

  declare values: (number | null)[] | undefined;
  declare color: string;

  constructor() {
    super();
    this.color = '#3d9df2';
  }

  protected updated() {
    // How many values are drawn, for tests and for anyone checking the row.
    this.setAttribute('data-points', String((this.values ?? []).filter((v) => v != null).length));
  }

  protected render() {
    const values = this.values ?? [];
    const width = 100;
    const height = 24;
    const max = Math.max(0, ...values.filter((v): v is number => v != null));
    if (values.length < 2 || max === 0) {
      return svg`<svg viewBox="0 0 ${width} ${height}" preserveAspectRatio="none">
        <line x1="0" y1="${height - 1}" x2="${width}" y2="${height - 1}" stroke="${this.color}" stroke-opacity="0.4" stroke-width="1" vector-effect="non-scaling-stroke"></line>
      </svg>`;
    }
    const step = width / (values.length - 1);
    // One path with a move at each gap, so missing values break the line rather than bridging it.
    let path = '';
    let pen = false;
    values.forEach((v, i) => {
      if (v == null) {
        pen = false;
        return;
      }
      const x = (i * step).toFixed(2);
      const y = (height - 1 - (v / max) * (height - 2)).toFixed(2);
      path += `${pen ? 'L' : 'M'}${x} ${y} `;
      pen = true;
    });
    return svg`<svg viewBox="0 0 ${width} ${height}" preserveAspectRatio="none" role="img">
      <path d="${path}" fill="none" stroke="${this.color}" stroke-width="1.5" vector-effect="non-scaling-stroke" stroke-linejoin="round"></path>
    </svg>`;
  }
}

if (!customElements.get('headroom-sparkline')) {
  customElements.define('headroom-sparkline', HeadroomSparkline);
}

declare global {
  interface HTMLElementTagNameMap {
    'headroom-sparkline': HeadroomSparkline;
  }
}
