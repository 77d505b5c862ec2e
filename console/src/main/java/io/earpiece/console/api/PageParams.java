package io.earpiece.console.api;

import io.earpiece.db.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The {@code page} and {@code size} request parameters of the paged endpoints, checked by {@link Paging}'s bounds. */
public final class PageParams {

    private PageParams() {
    }

    /** Throws 400 with the allowed range when {@code page} or {@code size} is outside it. */
    public static void check(int page, int size) {
        try {
            Paging.check(page, size);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    /** {@link #check} for endpoints that list only the first page. */
    public static void checkSize(int size) {
        check(0, size);
    }
}
