package org.tune4j.tuner.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryTest {
    private record Item(String name) {
    }

    private final Item ei = new Item("EI");
    private final Item lcb = new Item("LCB");
    private final Registry<Item> registry = new Registry<>("acquisition function", List.of(ei, lcb), Item::name);

    @Test
    void findsItemsByNameInAnyCase() {
        assertSame(ei, registry.get("EI"));
        assertSame(ei, registry.get(" ei "));
        assertSame(lcb, registry.get("Lcb"));
        assertTrue(registry.contains("lcb"));
        assertFalse(registry.contains("PI"));
        assertEquals(List.of("EI", "LCB"), registry.names());
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.get("PX"));
        assertEquals("unknown acquisition function 'PX'; expected one of EI, LCB", e.getMessage());
    }

    @Test
    void refusesTwoItemsWithOneName() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Registry<>("surrogate", List.of(new Item("gp"), new Item("GP")), Item::name));
        assertTrue(e.getMessage().startsWith("two surrogates are named 'GP'"), e.getMessage());
    }

    @Test
    void loadsWhatTheServiceLoaderFinds() {
        // No implementation of this test-local interface is registered anywhere.
        Registry<Runnable> none = Registry.load(Runnable.class, "runnable", Object::toString);
        assertEquals(List.of(), none.names());
    }
}
