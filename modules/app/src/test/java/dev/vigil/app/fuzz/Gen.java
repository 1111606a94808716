package dev.vigil.app.fuzz;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A generator of values from a seeded source of randomness: the same seed gives the same sequence of values,
 * which is what makes a fuzz run reproducible ({@code -Dvigil.fuzz.seed}). Our own rather than jqwik's: jqwik 1.10
 * prints a line addressed to coding agents into every test run and asks them not to use it, and jqwik 1.9 needs a
 * newer JUnit Platform than Spring Boot 3.5 manages; the suite needs generation from a seed, not shrinking.
 */
@FunctionalInterface
interface Gen<T> {

    T next(SplittableRandom random);

    default <R> Gen<R> map(Function<? super T, ? extends R> mapping) {
        return random -> mapping.apply(next(random));
    }

    static <T> Gen<T> constant(T value) {
        return random -> value;
    }

    @SafeVarargs
    static <T> Gen<T> oneOf(T... values) {
        List<T> choices = List.of(values);
        return random -> choices.get(random.nextInt(choices.size()));
    }

    static <T> Gen<T> oneOf(List<? extends T> values) {
        List<? extends T> choices = List.copyOf(values);
        return random -> choices.get(random.nextInt(choices.size()));
    }

    @SafeVarargs
    static <T> Gen<T> anyOf(Gen<? extends T>... generators) {
        return random -> generators[random.nextInt(generators.length)].next(random);
    }

    /** Starts a weighted choice: {@code Gen.weighted(8, common).or(1, rare)}. */
    static <T> Weighted<T> weighted(int weight, Gen<? extends T> generator) {
        return new Weighted<T>(List.of()).or(weight, generator);
    }

    /** True with the given probability. */
    static boolean chance(SplittableRandom random, double probability) {
        return random.nextDouble() < probability;
    }

    /** A weighted choice among generators. */
    record Weighted<T>(List<Choice<T>> choices) implements Gen<T> {

        Weighted<T> or(int weight, Gen<? extends T> generator) {
            List<Choice<T>> more = new java.util.ArrayList<>(choices);
            more.add(new Choice<>(weight, generator));
            return new Weighted<>(List.copyOf(more));
        }

        @Override
        public T next(SplittableRandom random) {
            int total = choices.stream().mapToInt(Choice::weight).sum();
            int pick = random.nextInt(total);
            for (Choice<T> choice : choices) {
                pick -= choice.weight();
                if (pick < 0) {
                    return choice.generator().next(random);
                }
            }
            throw new IllegalStateException("unreachable");
        }

        record Choice<T>(int weight, Gen<? extends T> generator) {
        }
    }
}
