package dev.berth.builder.build;

import dev.berth.builder.dockerfile.Dockerfile;
import dev.berth.builder.dockerfile.DockerfileException;
import dev.berth.builder.dockerfile.Instruction;
import dev.berth.builder.dockerfile.Stage;
import dev.berth.builder.image.ImageReference;
import dev.berth.builder.image.Platform;
import dev.berth.builder.image.ResolvedImage;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Builds one stage: its start ({@code FROM} and the base image's {@code ONBUILD} triggers), then each instruction. */
final class StageBuilder {
    private final BuildSession session;
    private final Stage stage;
    private int stepCounter;

    StageBuilder(BuildSession session, Stage stage, int firstStepNumber) {
        this.session = session;
        this.stage = stage;
        this.stepCounter = firstStepNumber;
    }

    /** The number the next step's log lines get. */
    int nextStepNumber() {
        return stepCounter;
    }

    StageState build() throws IOException, BuildException {
        StageState state = start();
        keyEpoch(state);
        List<String> triggers = state.config().onBuild();
        if (!triggers.isEmpty()) {
            state.config().clearOnBuild();
            for (String trigger : triggers) {
                execute(state, parseTrigger(trigger), "ONBUILD] " + trigger);
            }
        }
        int total = stage.instructions().size() + 1;
        int position = 2;
        for (Instruction instruction : stage.instructions()) {
            execute(state, instruction, (position++) + "/" + total + "] " + instruction.original());
        }
        return state;
    }

    private StageState start() throws IOException, BuildException {
        Instruction.From from = stage.from();
        StepLog log = newStep("1/" + (stage.instructions().size() + 1) + "] " + from.original());
        String image = Expansion.word(session, session.globalArgs, from.image(), from.location());
        Platform platform = platform(from);
        if (image.equalsIgnoreCase("scratch")) {
            log.done();
            return StageStart.scratch(platform);
        }
        Optional<Stage> earlier =
                session.dockerfile.stage(image).filter(s -> s.index() < stage.index() && !isNumber(image));
        if (earlier.isPresent()) {
            log.done();
            return StageStart.fromStage(session.finished(earlier.get().index(), from.location()));
        }
        try {
            ResolvedImage resolved = session.bases.resolve(ImageReference.parse(image), platform);
            log.note("resolved " + resolved.reference());
            log.done();
            return StageStart.fromImage(resolved, CacheKey.root("image " + resolved.manifestDigest()));
        } catch (IllegalArgumentException e) {
            throw BuildException.at(from.location(), e.getMessage());
        } catch (IOException e) {
            throw BuildException.at(from.location(), "cannot read base image " + image + ": " + e.getMessage(), e);
        }
    }

    /**
     * Layers made with {@code SOURCE_DATE_EPOCH} differ from those made without (clamped file times), so the epoch
     * enters the chain: a reproducible build never reuses a layer of a build that was not.
     */
    private void keyEpoch(StageState state) {
        session.request
                .sourceDateEpoch()
                .ifPresent(epoch -> state.advance(state.key()
                        .next()
                        .add("SOURCE_DATE_EPOCH")
                        .add(epoch.toString())
                        .build()));
    }

    private Platform platform(Instruction.From from) throws BuildException {
        if (from.platform().isEmpty()) {
            return session.request.platform();
        }
        String text =
                Expansion.word(session, session.globalArgs, from.platform().get(), from.location());
        try {
            return Platform.parse(text);
        } catch (IllegalArgumentException e) {
            throw BuildException.at(from.location(), e.getMessage());
        }
    }

    private void execute(StageState state, Instruction instruction, String title) throws IOException, BuildException {
        session.checkCancelled();
        StepLog log = newStep(title);
        switch (instruction) {
            case Instruction.Run run -> new RunStep(session, state, run).execute(log);
            case Instruction.Copy copy ->
                new CopyStep(session, state, copySpec(state, copy), stage.index()).execute(log);
            case Instruction.Add add -> new CopyStep(session, state, addSpec(state, add), stage.index()).execute(log);
            case Instruction.Workdir workdir -> new WorkdirStep(session, state).execute(workdir, log);
            case Instruction.From from -> throw BuildException.at(from.location(), "FROM cannot be a trigger");
            default -> {
                new ConfigStep(session, state).execute(instruction);
                log.done();
            }
        }
    }

    private CopyStep.Spec copySpec(StageState state, Instruction.Copy copy) throws BuildException {
        if (!copy.excludes().isEmpty() || copy.parents()) {
            throw BuildException.at(copy.location(), "COPY --exclude and --parents are not supported yet");
        }
        Optional<String> from = copy.from().isPresent()
                ? Optional.of(Expansion.word(
                        session, state.expansionEnv(), copy.from().get(), copy.location()))
                : Optional.empty();
        return new CopyStep.Spec(
                "COPY",
                copy.location(),
                copy.original(),
                expandAll(state, copy.sources(), copy),
                copy.heredocs(),
                Expansion.word(session, state.expansionEnv(), copy.destination(), copy.location()),
                from,
                expandOption(state, copy.chown(), copy),
                expandOption(state, copy.chmod(), copy),
                false);
    }

    private CopyStep.Spec addSpec(StageState state, Instruction.Add add) throws BuildException {
        if (!add.excludes().isEmpty() || add.checksum().isPresent() || add.keepGitDir()) {
            throw BuildException.at(
                    add.location(), "ADD --exclude, --checksum and --keep-git-dir are not supported yet");
        }
        return new CopyStep.Spec(
                "ADD",
                add.location(),
                add.original(),
                expandAll(state, add.sources(), add),
                add.heredocs(),
                Expansion.word(session, state.expansionEnv(), add.destination(), add.location()),
                Optional.empty(),
                expandOption(state, add.chown(), add),
                expandOption(state, add.chmod(), add),
                true);
    }

    private List<String> expandAll(StageState state, List<String> raw, Instruction instruction) throws BuildException {
        List<String> expanded = new java.util.ArrayList<>();
        for (String source : raw) {
            expanded.add(Expansion.word(session, state.expansionEnv(), source, instruction.location()));
        }
        return expanded;
    }

    private Optional<String> expandOption(StageState state, Optional<String> raw, Instruction instruction)
            throws BuildException {
        return raw.isEmpty()
                ? Optional.empty()
                : Optional.of(Expansion.word(session, state.expansionEnv(), raw.get(), instruction.location()));
    }

    private Instruction parseTrigger(String trigger) throws BuildException {
        try {
            Dockerfile parsed = Dockerfile.parse("FROM scratch\n" + trigger + "\n", "ONBUILD");
            return parsed.stages().getFirst().instructions().getFirst();
        } catch (DockerfileException | java.util.NoSuchElementException e) {
            throw BuildException.at(
                    stage.from().location(),
                    "the base image's ONBUILD trigger \"" + trigger + "\" is not valid: " + e.getMessage());
        }
    }

    private StepLog newStep(String title) {
        return new StepLog(session.log, stepCounter++, "[" + stage.displayName() + " " + title);
    }

    private static boolean isNumber(String text) {
        return !text.isEmpty() && text.chars().allMatch(Character::isDigit);
    }
}
