package io.headroom.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;

/** A headline number with its caption above it, as the top of a dashboard shows them. */
public class Figure extends Div {

    private final Span number = new Span();

    public Figure(String label, String value) {
        var caption = new Span(label);
        caption.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        number.addClassNames(LumoUtility.FontSize.XLARGE, LumoUtility.FontWeight.SEMIBOLD);
        number.setText(value);
        add(caption, new Div(number));
        addClassNames("headroom-figure", LumoUtility.Padding.Horizontal.MEDIUM, LumoUtility.Padding.Vertical.SMALL,
                LumoUtility.Background.CONTRAST_5, LumoUtility.BorderRadius.MEDIUM);
        getElement().setAttribute("data-figure", label);
        getStyle().set("white-space", "nowrap");
    }

    public void setValue(String value) {
        number.setText(value);
    }
}
