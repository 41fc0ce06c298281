package com.example.smsconsole.deliverylog;

import com.example.smsconsole.aws.AwsCalls;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;

/** CloudWatch Logs calls of the delivery history: FilterLogEvents pages and the log group's description. */
@Component
class DeliveryLogGateway {

    /** One log event as FilterLogEvents returns it. */
    record LogEvent(String eventId, long timestamp, long ingestionTime, @Nullable String logStream, String message) {
    }

    /** One page; {@code nextToken} is null when the search is done. */
    record LogPage(List<LogEvent> events, @Nullable String nextToken, @Nullable String requestId) {
    }

    /** A log group's name, ARN, retention and size. */
    record LogGroupInfo(String name, String arn, @Nullable Integer retentionInDays, long storedBytes) {
    }

    private final CloudWatchLogsClient logs;

    DeliveryLogGateway(CloudWatchLogsClient logs) {
        this.logs = logs;
    }

    /**
     * FilterLogEvents: events of the group from {@code startTime} (inclusive) in time order.
     *
     * @throws com.example.smsconsole.aws.AwsCallException ResourceNotFoundException when the group is
     *     missing, ThrottlingException once the SDK's retries are spent
     */
    LogPage filterLogEvents(String logGroupName, long startTime, @Nullable Long endTime, @Nullable String filterPattern,
            @Nullable String nextToken, int limit) {
        FilterLogEventsResponse response = AwsCalls.logs("FilterLogEvents", () -> logs.filterLogEvents(b -> b
                .logGroupName(logGroupName)
                .startTime(startTime)
                .endTime(endTime)
                .filterPattern(filterPattern)
                .nextToken(nextToken)
                .limit(limit)));
        List<LogEvent> events = response.events().stream()
                .map(e -> new LogEvent(e.eventId(), e.timestamp(), e.ingestionTime() == null ? e.timestamp() : e.ingestionTime(),
                        e.logStreamName(), e.message()))
                .toList();
        return new LogPage(events, response.nextToken(), AwsCalls.requestId(response));
    }

    /** DescribeLogGroups for one exact name. */
    Optional<LogGroupInfo> describeLogGroup(String logGroupName) {
        var response = AwsCalls.logs("DescribeLogGroups", () -> logs.describeLogGroups(b -> b.logGroupNamePrefix(logGroupName)));
        return response.logGroups().stream().filter(g -> g.logGroupName().equals(logGroupName)).findFirst().map(DeliveryLogGateway::info);
    }

    private static LogGroupInfo info(LogGroup group) {
        return new LogGroupInfo(group.logGroupName(), group.logGroupArn() != null ? group.logGroupArn() : group.arn(), group.retentionInDays(),
                group.storedBytes() == null ? 0 : group.storedBytes());
    }
}
