package com.trendcast.pipeline.spec;

import com.trendcast.forecast.engine.calendar.HolidayCalendar;

/** Holiday calendars a pipeline may flag; each brings its market's e-commerce events (618, 双11, Black Friday...). */
public enum HolidayRegion {
    CN,
    UK,
    US;

    public HolidayCalendar calendar() {
        return switch (this) {
            case CN -> HolidayCalendar.china();
            case UK -> HolidayCalendar.uk();
            case US -> HolidayCalendar.us();
        };
    }
}
