package com.trendcast.dataset;

import com.trendcast.common.UserFacingException;

/** The file was read but not imported (too many invalid rows, undecided returns, ...); nothing was stored. */
public class ImportRefusedException extends UserFacingException {

    private final transient ImportReport report;

    public ImportRefusedException(ImportReport report) {
        super(report.refusalKey(), report.refusalArgs().toArray());
        this.report = report;
    }

    public ImportReport report() {
        return report;
    }
}
