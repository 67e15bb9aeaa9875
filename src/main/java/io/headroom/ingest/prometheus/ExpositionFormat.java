package io.headroom.ingest.prometheus;

import java.util.Locale;

/** The text formats a scrape target may answer in. */
public enum ExpositionFormat {
    PROMETHEUS_TEXT_0_0_4,
    OPENMETRICS_1_0_0;

    /**
     * The Accept header Prometheus 2.x sends when scraping: OpenMetrics preferred, the 0.0.4 text
     * format next, anything else last (then parsed as 0.0.4 text, see {@link #fromContentType}).
     */
    public static final String SCRAPE_ACCEPT = "application/openmetrics-text;version=1.0.0,"
        + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

    private static final String OPENMETRICS_MEDIA_TYPE = "application/openmetrics-text";

    /**
     * From a scrape response's Content-Type header (null/unknown -> PROMETHEUS_TEXT_0_0_4, as
     * Prometheus does for text/plain and missing types). Any version of
     * {@code application/openmetrics-text} is OpenMetrics, as in Prometheus: 0.0.1 and 1.0.0 share
     * the text syntax.
     */
    public static ExpositionFormat fromContentType(String contentType) {
        if (contentType == null) {
            return PROMETHEUS_TEXT_0_0_4;
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return mediaType.toLowerCase(Locale.ROOT).equals(OPENMETRICS_MEDIA_TYPE) ? OPENMETRICS_1_0_0 : PROMETHEUS_TEXT_0_0_4;
    }
}
