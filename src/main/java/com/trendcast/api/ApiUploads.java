package com.trendcast.api;

/** What the API keeps of an uploaded part's file name: display text only, never a path. */
public final class ApiUploads {

    private static final int MAX_NAME = 255;

    private ApiUploads() {
    }

    /**
     * The last path segment of the client's file name without control characters, at most 255 characters (the
     * end, which holds the extension), or {@code upload} when nothing is left.
     */
    public static String displayName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            return "upload";
        }
        return name.length() > MAX_NAME ? name.substring(name.length() - MAX_NAME) : name;
    }
}
