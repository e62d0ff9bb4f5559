package dev.berth.core.installation;

/** Whether a registry name can be taken, and if not, why: {@code Invalid} or {@code AlreadyExists}. */
public record NameAvailability(boolean available, String reason, String message) {
    static NameAvailability yes() {
        return new NameAvailability(true, null, null);
    }
}
