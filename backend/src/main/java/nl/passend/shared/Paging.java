package nl.passend.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

import nl.passend.api.model.PageMetadataDto;

/** Turns the API's {@code page}, {@code size} and {@code sort} into a {@link Pageable}, and a page back into metadata. */
public final class Paging {

    private Paging() {
    }

    /**
     * @param sortable the sort keys the API offers, mapped to the entity property each sorts by
     * @throws InvalidRequestException for a sort key that is not offered
     */
    public static Pageable pageable(int page, int size, List<String> sort, Map<String, String> sortable) {
        List<Sort.Order> orders = new ArrayList<>();
        // Spring splits "name,desc" into two values; a direction applies to the property before it.
        for (String token : sort == null ? List.<String>of() : sort) {
            for (String part : token.split(",")) {
                if (part.equalsIgnoreCase("asc") || part.equalsIgnoreCase("desc")) {
                    if (orders.isEmpty()) {
                        throw new InvalidRequestException("sort", "name a property before the direction " + part);
                    }
                    Sort.Order last = orders.remove(orders.size() - 1);
                    orders.add(part.equalsIgnoreCase("desc") ? last.with(Sort.Direction.DESC) : last);
                    continue;
                }
                String property = sortable.get(part);
                if (property == null) {
                    throw new InvalidRequestException("sort",
                            "cannot sort by '" + part + "'; sort by one of " + String.join(", ", sortable.keySet()));
                }
                orders.add(Sort.Order.asc(property));
            }
        }
        // The id last keeps pages stable when the other keys tie.
        orders.add(Sort.Order.asc("id"));
        return PageRequest.of(page, size, Sort.by(orders));
    }

    public static PageMetadataDto metadata(Page<?> page) {
        return new PageMetadataDto(page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages());
    }
}
