package io.earpiece.console.search;

import io.earpiece.db.search.CallSearch;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/** The call-history search over the application's database. */
@Configuration(proxyBeanMethods = false)
public class SearchConfiguration {

    @Bean
    CallSearch callSearch(DataSource dataSource) {
        return new CallSearch(dataSource);
    }
}
