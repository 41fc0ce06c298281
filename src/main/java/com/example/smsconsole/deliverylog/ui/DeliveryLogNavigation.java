package com.example.smsconsole.deliverylog.ui;

import com.vaadin.flow.router.QueryParameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Links into the delivery history with a search already set, for other views (overview, test send).
 * The same query parameters are what the view writes into its address, so a search can be shared.
 */
public final class DeliveryLogNavigation {

    public static final String ROUTE = "delivery-history";

    private DeliveryLogNavigation() {
    }

    /** A search of the delivery history, as query parameters. */
    public record Search(Set<String> types, String range, @Nullable String destination, @Nullable String messageId,
            @Nullable String country, boolean finalOnly, String tab) {

        public static Search receipts(String range) {
            return new Search(Set.of(), range, null, null, null, false, "receipts");
        }

        public Search withTypes(Set<String> value) {
            return new Search(value, range, destination, messageId, country, finalOnly, tab);
        }

        public Search withDestination(@Nullable String value) {
            return new Search(types, range, value, messageId, country, finalOnly, tab);
        }

        public Search withMessageId(@Nullable String value) {
            return new Search(types, range, destination, value, country, finalOnly, tab);
        }

        public Search withTab(String value) {
            return new Search(types, range, destination, messageId, country, finalOnly, value);
        }

        public Search withFinalOnly(boolean value) {
            return new Search(types, range, destination, messageId, country, value, tab);
        }

        QueryParameters toQuery() {
            Map<String, List<String>> params = new LinkedHashMap<>();
            if (!types.isEmpty()) {
                params.put("types", List.of(String.join(",", new java.util.TreeSet<>(types))));
            }
            params.put("range", List.of(range));
            if (destination != null) {
                params.put("dest", List.of(destination));
            }
            if (messageId != null) {
                params.put("msg", List.of(messageId));
            }
            if (country != null) {
                params.put("country", List.of(country));
            }
            if (finalOnly) {
                params.put("final", List.of("true"));
            }
            if (!"receipts".equals(tab)) {
                params.put("tab", List.of(tab));
            }
            return new QueryParameters(params);
        }
    }

    /** The address of the delivery history with this search, relative to the application root. */
    public static String link(Search search) {
        String query = search.toQuery().getQueryString();
        return ROUTE + (query.isEmpty() ? "" : "?" + query);
    }
}
