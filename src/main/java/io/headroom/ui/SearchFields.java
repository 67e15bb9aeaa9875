package io.headroom.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

/** The filter fields of a search view: clearable, and Enter in any of them runs the search. */
public final class SearchFields {

    private SearchFields() {
    }

    public static void searchOnEnter(Runnable search, TextField... fields) {
        for (TextField field : fields) {
            field.setClearButtonVisible(true);
            // Each keystroke reaches the server before Enter does: with the default (on change), Enter's
            // search could run with the field's previous value, the change arriving after it.
            field.setValueChangeMode(ValueChangeMode.EAGER);
            field.addKeyPressListener(Key.ENTER, event -> search.run());
        }
    }
}
