package dev.berth.core.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.lock.ChangeableAttributes.Operation;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChangeableAttributesTest {
    @Test
    void everythingIsAllowedUntilAnAttributeIsTurnedOff() {
        for (Operation operation : Operation.values()) {
            assertTrue(ChangeableAttributes.DEFAULT.refusal(operation).isEmpty());
        }
    }

    @Test
    void eachOperationIsRefusedByTheAttributeThatNamesIt() {
        assertEquals(
                Optional.of("readEnabled"), attributes(true, true, false, true).refusal(Operation.READ));
        assertEquals(
                Optional.of("writeEnabled"), attributes(true, false, true, true).refusal(Operation.WRITE));
        assertEquals(
                Optional.of("deleteEnabled"),
                attributes(false, true, true, true).refusal(Operation.DELETE));
        assertTrue(attributes(false, true, true, false).refusal(Operation.WRITE).isEmpty());
        assertTrue(attributes(true, true, true, false).refusal(Operation.READ).isEmpty());
    }

    @Test
    void writeEnabledOffAlsoRefusesDeletes() {
        assertEquals(
                Optional.of("writeEnabled"), attributes(true, false, true, true).refusal(Operation.DELETE));
        assertEquals(
                Optional.of("deleteEnabled"),
                attributes(false, false, true, true).refusal(Operation.DELETE));
    }

    @Test
    void anUpdateChangesOnlyTheAttributesItNames() {
        ChangeableAttributes locked = attributes(false, false, true, true);
        assertEquals(attributes(false, true, true, false), locked.with(new AttributeUpdate(null, true, null, false)));
        assertEquals(locked, locked.with(new AttributeUpdate(null, null, null, null)));
        assertTrue(new AttributeUpdate(null, null, null, null).isEmpty());
    }

    private static ChangeableAttributes attributes(boolean delete, boolean write, boolean read, boolean list) {
        return new ChangeableAttributes(delete, write, read, list);
    }
}
