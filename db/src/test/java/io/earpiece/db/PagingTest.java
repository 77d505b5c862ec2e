package io.earpiece.db;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagingTest {

    @Test
    void everyRowOfTheLastAllowedPageHasAnIntOffset() {
        assertThatCode(() -> Paging.check(Integer.MAX_VALUE / 500 - 1, 500)).doesNotThrowAnyException();
        assertThatCode(() -> Paging.check(Integer.MAX_VALUE - 1, 1)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Paging.check(Integer.MAX_VALUE / 500, 500))
                .hasMessage("page must be 0.." + (Integer.MAX_VALUE / 500 - 1) + " with size 500");
        assertThatThrownBy(() -> Paging.check(Integer.MAX_VALUE, 1)).hasMessageStartingWith("page must be 0..");
    }

    @Test
    void negativePagesAndSizesOutOfRangeAreRefused() {
        assertThatThrownBy(() -> Paging.check(-1, 20)).hasMessageStartingWith("page must be 0..");
        assertThatThrownBy(() -> Paging.check(0, 0)).hasMessage("size must be 1..500");
        assertThatThrownBy(() -> Paging.check(0, 501)).hasMessage("size must be 1..500");
    }
}
