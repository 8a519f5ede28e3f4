package com.trendcast.behaviour;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the behaviour view shows for one event dataset and {@link EventFilter}, computed in one service
 * call. Visitors are user ids, or session ids where a row has no user id.
 *
 * @param firstDay      first day with an event in the selection; null when the selection is empty
 * @param lastDay       last day with an event in the selection
 * @param eventTypes    every raw event type in the selection with its count and the step it was mapped to
 * @param funnel        view, cart and purchase, each with its distinct visitors and events
 * @param daily         distinct viewing and buying visitors per day
 * @param weekdayHour   events per weekday (0 = Monday) and hour of the day, by step
 * @param topItems      items with at least the filter's minimum viewer-days, best conversion first
 */
public record EventInsights(LocalDate firstDay, LocalDate lastDay, long events, List<EventType> eventTypes,
                            List<FunnelStep> funnel, List<DayConversion> daily, HourGrid weekdayHour,
                            List<ItemConversion> topItems) {

    public boolean isEmpty() {
        return firstDay == null;
    }

    /** A raw event type as written in the file; {@code stage} is null when it is not part of the funnel. */
    public record EventType(String rawType, long events, FunnelStage stage) {
    }

    /** One step of the funnel; {@code rateFromPrevious} is null for the first step or after an empty one. */
    public record FunnelStep(FunnelStage stage, long visitors, long events, Double rateFromPrevious) {
    }

    public record DayConversion(LocalDate day, long viewers, long buyers) {

        /** Buyers per viewer; null without viewers. */
        public Double rate() {
            return viewers == 0 ? null : (double) buyers / viewers;
        }
    }

    /**
     * An item's funnel in visitor-days: a visitor counts once per day on which they viewed (added to cart,
     * bought) the item, so one who views on Monday and buys on Friday adds a viewer-day on Monday and a
     * buyer-day on Friday.
     */
    public record ItemConversion(String item, long viewers, long carts, long buyers) {

        public double rate() {
            return (double) buyers / viewers;
        }
    }

    /** Event counts by weekday (0 = Monday … 6 = Sunday) and hour (0–23). */
    public record HourGrid(long[][] views, long[][] purchases, long[][] allEvents) {

        /** Purchase events per view event in a cell; null where there were no views. */
        public Double purchasesPerView(int weekday, int hour) {
            long cellViews = views[weekday][hour];
            return cellViews == 0 ? null : (double) purchases[weekday][hour] / cellViews;
        }
    }

    /**
     * Daily figures summed into periods of {@code grain}. A week's rate is buyers per viewer counted per day
     * (visitor-days), so a visitor who views on Monday and buys on Friday counts on both days.
     */
    public List<DayConversion> trend(TrendGrain grain) {
        Map<LocalDate, long[]> sums = new TreeMap<>();
        for (DayConversion day : daily) {
            long[] sum = sums.computeIfAbsent(grain.start(day.day()), d -> new long[2]);
            sum[0] += day.viewers();
            sum[1] += day.buyers();
        }
        List<DayConversion> periods = new ArrayList<>(sums.size());
        sums.forEach((start, sum) -> periods.add(new DayConversion(start, sum[0], sum[1])));
        return periods;
    }
}
