package io.earpiece.assist.intent;

import java.util.Arrays;

/**
 * Binary logistic regression with an L2 penalty, fitted by accelerated full-batch gradient descent. Small and
 * dependency-free: a few hundred examples train in tens of milliseconds. The dense part (a sentence embedding) is
 * standardised per dimension first (embeddings spread their signal thinly over many small components), which keeps
 * one step size and one penalty right for every tag; the sparse part (hashed n-grams) is used as given.
 */
public final class LogisticRegression {
    private final double l2;
    private final int iterations;
    private final boolean standardise;

    /**
     * @param l2         penalty on the squared weights, per example; larger keeps the model closer to the prior
     * @param iterations gradient steps; the loss is smooth and convex, so a fixed budget converges
     */
    public LogisticRegression(double l2, int iterations) {
        this(l2, iterations, true);
    }

    /** @param standardise scale each dense dimension to unit variance before fitting (centring is always done) */
    public LogisticRegression(double l2, int iterations, boolean standardise) {
        this.l2 = l2;
        this.iterations = iterations;
        this.standardise = standardise;
    }

    /** The settings that shape a fitted model, for the key of a cache of models. */
    public String settings() {
        return "l2=" + l2 + " iterations=" + iterations + " standardise=" + standardise;
    }

    /** Fits one model: {@code x[i]} are the inputs, {@code y[i]} whether example i carries the tag. */
    public Model fit(FeatureVector[] x, boolean[] y, int sparseDimensions) {
        int n = x.length;
        int d = x[0].dense().length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (FeatureVector row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row.dense()[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        for (FeatureVector row : x) {
            for (int j = 0; j < d; j++) {
                double c = row.dense()[j] - mean[j];
                scale[j] += c * c;
            }
        }
        for (int j = 0; j < d; j++) {
            double sd = Math.sqrt(scale[j] / n);
            scale[j] = !standardise ? 1 : sd < 1e-6 ? 0 : 1 / sd;
        }
        Rows z = new Rows(new double[n][d], x, d, sparseDimensions);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z.dense[i][j] = (x[i].dense()[j] - mean[j]) * scale[j];
            }
        }
        int size = z.size();
        // The mean logistic loss is (largest eigenvalue of Z'Z/n)/4-smooth; one over that is the safe step.
        double step = 1.0 / (0.25 * largestEigenvalue(z) + l2);
        double[] w = new double[size];
        double[] look = w.clone();
        double[] grad = new double[size];
        // Balanced class weights: a tag has a few dozen positives among hundreds of other utterances, and an
        // unweighted fit under strong regularisation would sit near "never"; 0.5 then means "as likely as not".
        int positives = 0;
        for (boolean b : y) {
            positives += b ? 1 : 0;
        }
        double positiveWeight = n / (2.0 * Math.max(1, positives));
        double negativeWeight = n / (2.0 * Math.max(1, n - positives));
        for (int t = 1; t <= iterations; t++) {
            Arrays.fill(grad, 0);
            for (int i = 0; i < n; i++) {
                double g = (sigmoid(z.dot(look, i)) - (y[i] ? 1 : 0)) * (y[i] ? positiveWeight : negativeWeight);
                z.addTo(grad, i, g);
            }
            for (int j = 0; j < size; j++) {
                grad[j] /= n;
                if (j != size - 1) {
                    grad[j] += l2 * look[j];
                }
            }
            double momentum = (t - 1.0) / (t + 2.0);
            for (int j = 0; j < size; j++) {
                double next = look[j] - step * grad[j];
                look[j] = next + momentum * (next - w[j]);
                w[j] = next;
            }
        }
        // Fold the standardisation into the weights so that scoring is one dot product on the raw features.
        float[] weights = new float[d];
        double bias = w[size - 1];
        for (int j = 0; j < d; j++) {
            weights[j] = (float) (w[j] * scale[j]);
            bias -= w[j] * scale[j] * mean[j];
        }
        float[] sparse = new float[sparseDimensions];
        for (int j = 0; j < sparseDimensions; j++) {
            sparse[j] = (float) w[d + j];
        }
        return new Model(weights, sparse, bias);
    }

    // Power iteration on Z'Z/n, with the bias column; a few rounds give the scale, which is all the step needs.
    private static double largestEigenvalue(Rows z) {
        int size = z.size();
        double[] v = new double[size];
        Arrays.fill(v, 1 / Math.sqrt(size));
        double lambda = 1;
        for (int round = 0; round < 20; round++) {
            double[] next = new double[size];
            for (int i = 0; i < z.dense.length; i++) {
                z.addTo(next, i, z.dot(v, i));
            }
            double norm = 0;
            for (double c : next) {
                norm += c * c;
            }
            norm = Math.sqrt(norm);
            lambda = norm / z.dense.length;
            for (int j = 0; j < size; j++) {
                v[j] = next[j] / norm;
            }
        }
        return lambda * 1.1;
    }

    static double sigmoid(double v) {
        return v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v));
    }

    /** The design matrix: standardised dense columns, then the sparse columns, then the bias. */
    private record Rows(double[][] dense, FeatureVector[] sparse, int d, int sparseDimensions) {
        int size() {
            return d + sparseDimensions + 1;
        }

        double dot(double[] w, int i) {
            double sum = w[size() - 1];
            double[] row = dense[i];
            for (int j = 0; j < d; j++) {
                sum += w[j] * row[j];
            }
            int[] idx = sparse[i].indices();
            float[] val = sparse[i].values();
            for (int k = 0; k < idx.length; k++) {
                sum += w[d + idx[k]] * val[k];
            }
            return sum;
        }

        void addTo(double[] target, int i, double g) {
            double[] row = dense[i];
            for (int j = 0; j < d; j++) {
                target[j] += g * row[j];
            }
            int[] idx = sparse[i].indices();
            float[] val = sparse[i].values();
            for (int k = 0; k < idx.length; k++) {
                target[d + idx[k]] += g * val[k];
            }
            target[size() - 1] += g;
        }
    }

    /** A fitted model: the probability that an utterance's features carry the tag. */
    public record Model(float[] weights, float[] sparseWeights, double bias) {
        public double probability(FeatureVector x) {
            double sum = bias;
            float[] dense = x.dense();
            for (int j = 0; j < weights.length; j++) {
                sum += weights[j] * dense[j];
            }
            int[] idx = x.indices();
            float[] val = x.values();
            for (int k = 0; k < idx.length; k++) {
                sum += sparseWeights[idx[k]] * val[k];
            }
            return sigmoid(sum);
        }
    }
}
