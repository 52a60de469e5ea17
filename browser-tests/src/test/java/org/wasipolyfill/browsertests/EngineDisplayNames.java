package org.wasipolyfill.browsertests;

import java.lang.reflect.Method;
import java.util.Locale;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.TestFactory;

/**
 * Puts the engine in every test name, e.g. "[chromium] hello prints its arguments and environment", so surefire's
 * output shows which engine ran what. The engine name is the test class name less "Test": ChromiumTest -> chromium.
 */
final class EngineDisplayNames extends DisplayNameGenerator.Standard {

    static String engineOf(Class<?> testClass) {
        return testClass.getSimpleName().replaceFirst("Test$", "").toLowerCase(Locale.ROOT);
    }

    @Override
    public String generateDisplayNameForClass(Class<?> testClass) {
        return engineOf(testClass);
    }

    @Override
    public String generateDisplayNameForMethod(Class<?> testClass, Method testMethod) {
        String label = "[" + engineOf(testClass) + "] ";
        if (testMethod.isAnnotationPresent(TestFactory.class)) {
            // Surefire names a dynamic test by its factory's name followed by its own: "[chromium] " + "hello".
            return label;
        }
        String words = testMethod.getName()
                .replaceAll("([a-z0-9])([A-Z])", "$1 $2")
                .replaceAll("([a-zA-Z])([0-9])", "$1 $2")
                .toLowerCase(Locale.ROOT);
        return label + words;
    }
}
