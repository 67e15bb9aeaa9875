package io.headroom.kpi.ui;

import java.time.Duration;
import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.headroom.kpi.ServicePrices;
import io.headroom.store.CapacityRecords.Price;
import io.headroom.store.CapacityRecords.PriceSource;
import io.headroom.ui.Formats;
import io.headroom.ui.LiveRefresh;
import io.headroom.ui.NumberDialog;

/** "0.096 per instance-hour (list price) [Price…]": the price cost is computed from, and a dialog to set it. */
final class PriceControl extends HorizontalLayout {

    private static final Duration REFRESH = Duration.ofSeconds(10);

    private final String service;
    private final ServicePrices prices;
    private final Span text = new Span();

    /** @param mayEdit whether the user may set prices (administrators): without it the price shows, the button does not */
    PriceControl(String service, ServicePrices prices, LiveRefresh live, boolean mayEdit) {
        this.service = service;
        this.prices = prices;
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        text.addClassNames(LumoUtility.TextColor.SECONDARY);
        text.getElement().setAttribute("data-price", "");
        var edit = new Button("Price…", click -> openDialog());
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
        edit.setVisible(mayEdit);
        add(text, edit);
        live.whileAttached(this, REFRESH, () -> prices.price(service), this::show);
    }

    private void show(Optional<Price> price) {
        text.setText(price.map(p -> Formats.money(p.pricePerInstanceHour()) + " per instance-hour"
                + (p.source() == PriceSource.LIST ? " (list price)" : "")).orElse("no price set"));
    }

    private void openDialog() {
        var field = new NumberField("Price per instance-hour");
        field.setMin(0);
        field.setHelperText("in your billing currency; cost per hour and per request follow from it");
        prices.price(service).ifPresent(price -> field.setValue(price.pricePerInstanceHour()));
        field.setWidth("18em");

        NumberDialog.open("Price of " + service, field, "Enter a price, such as 0.096", value -> {
            Price price = prices.set(service, value);
            show(Optional.of(price));
            return "Price of " + service + " set to " + Formats.money(price.pricePerInstanceHour()) + " per instance-hour";
        });
    }
}
