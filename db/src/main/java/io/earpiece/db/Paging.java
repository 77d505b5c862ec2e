package io.earpiece.db;

/**
 * The bounds of every paged query: a size of 1..{@value #MAX_SIZE} rows, and a page whose rows all lie below
 * offset {@link Integer#MAX_VALUE}, because JPA takes the first row as an {@code int} (a larger offset wraps
 * negative and the query fails).
 */
public final class Paging {

    public static final int MAX_SIZE = 500;

    private Paging() {
    }

    /** Throws {@link IllegalArgumentException} naming the allowed range when {@code page} or {@code size} is outside it. */
    public static void check(int page, int size) {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be 1.." + MAX_SIZE);
        }
        int lastPage = Integer.MAX_VALUE / size - 1;
        if (page < 0 || page > lastPage) {
            throw new IllegalArgumentException("page must be 0.." + lastPage + " with size " + size);
        }
    }
}
