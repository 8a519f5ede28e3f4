package com.trendcast.ui;

import com.vaadin.flow.component.datepicker.DatePicker;

import java.time.LocalDate;
import java.util.function.BiConsumer;

/**
 * The from and to date pickers of a filter bar. Dates show in ISO form ({@code 2024-03-31}), as in the URL, in
 * every locale. Only a complete range the user picked, one that does not end before it starts, reaches the view:
 * the value the view sets when it renders, or a half-edited range, changes nothing.
 */
public final class DateRangeFields {

    private final DatePicker from;
    private final DatePicker to;

    /**
     * @param idPrefix      the pickers' ids are {@code idPrefix-from} and {@code idPrefix-to}
     * @param onRangeChosen gets the new first and last day
     */
    public DateRangeFields(String idPrefix, String fromLabel, LocalDate fromValue, String toLabel, LocalDate toValue,
                           BiConsumer<LocalDate, LocalDate> onRangeChosen) {
        from = isoDatePicker(idPrefix + "-from", fromLabel, fromValue);
        to = isoDatePicker(idPrefix + "-to", toLabel, toValue);
        from.addValueChangeListener(e -> choose(e.isFromClient(), e.getValue(), to.getValue(), onRangeChosen));
        to.addValueChangeListener(e -> choose(e.isFromClient(), from.getValue(), e.getValue(), onRangeChosen));
    }

    public DatePicker from() {
        return from;
    }

    public DatePicker to() {
        return to;
    }

    private static DatePicker isoDatePicker(String id, String label, LocalDate value) {
        DatePicker picker = new DatePicker(label, value);
        picker.setId(id);
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n();
        i18n.setDateFormat("yyyy-MM-dd");
        picker.setI18n(i18n);
        return picker;
    }

    private static void choose(boolean fromClient, LocalDate first, LocalDate last,
                               BiConsumer<LocalDate, LocalDate> onRangeChosen) {
        if (fromClient && first != null && last != null && !last.isBefore(first)) {
            onRangeChosen.accept(first, last);
        }
    }
}
