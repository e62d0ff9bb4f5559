package dev.berth.cli.command;

import java.lang.reflect.Constructor;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Makes the commands picocli instantiates, handing each command that takes a {@link CliEnvironment} the one given
 * here; everything else picocli's own factory makes. {@code Main.command(new
 * CliFactory(environment), args)} runs the whole {@code berth} command against a made-up environment.
 */
public final class CliFactory implements IFactory {
    private final CliEnvironment environment;
    private final IFactory fallback = CommandLine.defaultFactory();

    public CliFactory(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        Constructor<K> withEnvironment;
        try {
            withEnvironment = type.getDeclaredConstructor(CliEnvironment.class);
        } catch (NoSuchMethodException e) {
            return fallback.create(type);
        }
        withEnvironment.setAccessible(true);
        return withEnvironment.newInstance(environment);
    }
}
