package io.headroom.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;

/** A headline number with its caption above it, as the top of a dashboard shows them. */
public class Figure extends Div {

    private final Span number = new Span();
    private final Span note = new Span();

    public Figure(String label, String value) {
        var caption = new Span(label);
        caption.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        number.addClassNames(LumoUtility.FontSize.XLARGE, LumoUtility.FontWeight.SEMIBOLD);
        number.setText(value);
        note.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
        note.getElement().setAttribute("data-figure-note", "");
        note.setVisible(false);
        add(caption, new Div(number), new Div(note));
        addClassNames("headroom-figure", LumoUtility.Padding.Horizontal.MEDIUM, LumoUtility.Padding.Vertical.SMALL,
                LumoUtility.Background.CONTRAST_5, LumoUtility.BorderRadius.MEDIUM);
        getElement().setAttribute("data-figure", label);
        getStyle().set("white-space", "nowrap");
    }

    public void setValue(String value) {
        number.setText(value);
    }

    /** A line under the number, such as a trend against the period before; null removes it. */
    public Figure withNote(String text) {
        note.setText(text == null ? "" : text);
        note.setVisible(text != null);
        return this;
    }
}
