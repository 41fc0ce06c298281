package com.example.smsconsole.deliverylog.ui;

import com.example.smsconsole.deliverylog.DeliverySearch;
import com.vaadin.flow.router.QueryParameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Links into the delivery history with a search already set, for other views (overview, test send).
 * The same query parameters are what the view writes into its address ({@link #parameters}), so a
 * search can be shared; the filters' parameters come from {@link DeliverySearch}'s declarations.
 */
public final class DeliveryLogNavigation {

    public static final String ROUTE = "delivery-history";

    private DeliveryLogNavigation() {
    }

    /** A search of the delivery history: its filters, the time range ({@code 24h}, {@code 7d}, ...) and the tab. */
    public record Search(DeliverySearch filters, String range, String tab) {

        public static Search receipts(String range) {
            return new Search(DeliverySearch.empty(), range, "receipts");
        }

        public Search withFilters(DeliverySearch value) {
            return new Search(value, range, tab);
        }

        public Search withTypes(Set<String> value) {
            return withFilters(filters.withEventTypes(value));
        }

        public Search withDestination(@Nullable String value) {
            return withFilters(filters.withDestination(value));
        }

        public Search withMessageId(@Nullable String value) {
            return withFilters(filters.withMessageId(value));
        }

        public Search withFinalOnly(boolean value) {
            return withFilters(filters.withFinalOnly(value));
        }

        public Search withTab(String value) {
            return new Search(filters, range, value);
        }

        QueryParameters toQuery() {
            Map<String, List<String>> params = parameters(filters, range);
            if (!"receipts".equals(tab)) {
                params.put("tab", List.of(tab));
            }
            return new QueryParameters(params);
        }
    }

    /** The address form of a search: the event types, the range, then the other filters in their declared order. */
    static Map<String, List<String>> parameters(DeliverySearch filters, String range) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        Map<String, List<String>> rest = new LinkedHashMap<>(filters.toParameters());
        List<String> types = rest.remove(DeliverySearch.EVENT_TYPES.param());
        if (types != null) {
            params.put(DeliverySearch.EVENT_TYPES.param(), types);
        }
        params.put("range", List.of(range));
        params.putAll(rest);
        return params;
    }

    /** The address of the delivery history with this search, relative to the application root. */
    public static String link(Search search) {
        String query = search.toQuery().getQueryString();
        return ROUTE + (query.isEmpty() ? "" : "?" + query);
    }
}
