package io.earpiece.console.testing;

import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

import java.io.IOException;

/**
 * Keeps the test sources' configurations (other tests' beans, such as a replay recognizer) out of a server that a
 * test starts by hand with {@code SpringApplicationBuilder}: its component scan would otherwise find them, since
 * only {@code @SpringBootTest} contexts exclude them by themselves. Use {@link #register} as an initializer.
 */
public final class TestClassesExcluded extends TypeExcludeFilter {

    /** Registers the filter in a context before it scans; pass as {@code .initializers(TestClassesExcluded::register)}. */
    public static void register(ConfigurableApplicationContext context) {
        context.getBeanFactory().registerSingleton("testTypeExcludeFilter", new TestClassesExcluded());
    }

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
        return reader.getResource().getURL().getPath().contains("/test-classes/");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TestClassesExcluded;
    }

    @Override
    public int hashCode() {
        return TestClassesExcluded.class.hashCode();
    }
}
