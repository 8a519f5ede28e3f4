package com.trendcast.cli;

import picocli.CommandLine.IVersionProvider;

class TrendcastVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = TrendcastVersion.class.getPackage().getImplementationVersion();
        return new String[]{"Trendcast " + (version == null ? "development build" : version)};
    }
}
