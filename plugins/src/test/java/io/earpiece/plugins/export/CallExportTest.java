package io.earpiece.plugins.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallExportTest {

    @Test
    void aTaskTitleNamesTheCustomerThatOwnsIt() {
        assertThat(new CallExport.ActionItem("rep", "send the quote", "friday", null).title()).isEqualTo("Send the quote");
        assertThat(new CallExport.ActionItem("customer", "sign the order", "monday", null).title())
                .isEqualTo("Customer to sign the order");
        assertThat(new CallExport.ActionItem("customer-2", "check the budget", "today", null).title())
                .as("a second caller of a recorded call").isEqualTo("Customer 2 to check the budget");
        assertThat(new CallExport.ActionItem("rep-2", "book the demo", "today", null).title()).isEqualTo("Book the demo");
    }
}
