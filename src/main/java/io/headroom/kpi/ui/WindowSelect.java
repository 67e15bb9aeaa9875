package io.headroom.kpi.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.select.Select;

/** The window picker both service views share. */
final class WindowSelect extends Select<WindowChoice> {

    WindowSelect(WindowChoice initial, Consumer<WindowChoice> onChange) {
        setLabel("Window");
        setItems(WindowChoice.values());
        setItemLabelGenerator(choice -> choice.label);
        setValue(initial);
        addValueChangeListener(event -> onChange.accept(event.getValue()));
    }
}
