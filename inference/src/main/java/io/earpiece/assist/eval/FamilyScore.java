package io.earpiece.assist.eval;

/** True positives, false positives and false negatives of one tag family. */
public record FamilyScore(int truePositives, int falsePositives, int falseNegatives) {
    public double precision() {
        int predicted = truePositives + falsePositives;
        return predicted == 0 ? 1.0 : (double) truePositives / predicted;
    }

    public double recall() {
        int relevant = truePositives + falseNegatives;
        return relevant == 0 ? 1.0 : (double) truePositives / relevant;
    }

    public FamilyScore plus(int tp, int fp, int fn) {
        return new FamilyScore(truePositives + tp, falsePositives + fp, falseNegatives + fn);
    }
}
