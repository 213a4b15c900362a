package io.github.bsoptions.pricing.simd;

/**
 * One vector pass over rows {@code from .. to-1} of a block's scratch columns.
 *
 * <p>Every pass of this backend is started from the one call site in {@link #run}, which therefore
 * sees many receiver classes: C2 compiles it as a virtual call and never inlines a pass into the
 * loop that drives it. Each pass is then compiled on its own, small enough for C2 to inline every
 * Vector API call in it and keep its vectors in registers, whatever order the JIT compiles the
 * drivers and the passes in (a driver that inlined several passes would run past C2's node budget
 * and box the vectors of the Vector API calls left out of line).
 *
 * <p>The pass objects are therefore held in private static fields that are deliberately not {@code
 * final}: C2 folds a {@code static final} field to a constant, knows the receiver's exact class and
 * inlines the pass after all (seen as 24 bytes per option allocated in one JMH fork out of two).
 *
 * @param <S> the scratch type the pass works on
 */
@FunctionalInterface
interface Pass<S> {
  /** Runs the pass over rows {@code from .. to-1}. */
  void apply(S scratch, int from, int to);

  /** Runs {@code pass}: the shared, megamorphic call site (see the class comment). */
  static <S> void run(Pass<S> pass, S scratch, int from, int to) {
    pass.apply(scratch, from, to);
  }
}
