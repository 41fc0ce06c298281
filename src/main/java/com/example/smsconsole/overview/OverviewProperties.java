package com.example.smsconsole.overview;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Overview settings ({@code app.overview.*}).
 *
 * @param checkTimeout how long one setup check may take before it is shown as not answered
 * @param cacheFor how long setup check results are reused before they run again
 * @param recentEventsWithin the log group counts as receiving events when its newest is this recent
 */
@ConfigurationProperties("app.overview")
public record OverviewProperties(
        @DefaultValue("5s") Duration checkTimeout,
        @DefaultValue("30s") Duration cacheFor,
        @DefaultValue("7d") Duration recentEventsWithin) {
}
