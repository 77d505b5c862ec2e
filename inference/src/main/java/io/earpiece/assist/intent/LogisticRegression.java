package io.earpiece.assist.intent;

/**
 * Binary logistic regression with an L2 penalty, fitted by accelerated full-batch gradient descent. Small and
 * dependency-free: a few hundred examples of a few hundred dimensions train in tens of milliseconds. Inputs are
 * standardised per dimension first (sentence embeddings spread their signal thinly over many small components),
 * which keeps one step size and one penalty right for every tag.
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

    /** @param standardise scale each dimension to unit variance before fitting (centring is always done) */
    public LogisticRegression(double l2, int iterations, boolean standardise) {
        this.l2 = l2;
        this.iterations = iterations;
        this.standardise = standardise;
    }

    /** Fits one model: {@code x[i]} are the inputs, {@code y[i]} whether example i carries the tag. */
    public Model fit(float[][] x, boolean[] y) {
        int n = x.length;
        int d = x[0].length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (float[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        for (float[] row : x) {
            for (int j = 0; j < d; j++) {
                double c = row[j] - mean[j];
                scale[j] += c * c;
            }
        }
        for (int j = 0; j < d; j++) {
            double sd = Math.sqrt(scale[j] / n);
            scale[j] = !standardise ? 1 : sd < 1e-6 ? 0 : 1 / sd;
        }
        double[][] z = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = (x[i][j] - mean[j]) * scale[j];
            }
        }
        // The mean logistic loss is (largest eigenvalue of Z'Z/n)/4-smooth; one over that is the safe step.
        double step = 1.0 / (0.25 * largestEigenvalue(z) + l2);
        double[] w = new double[d + 1];
        double[] look = w.clone();
        double[] grad = new double[d + 1];
        // Balanced class weights: a tag has a few dozen positives among hundreds of other utterances, and an
        // unweighted fit under strong regularisation would sit near "never"; 0.5 then means "as likely as not".
        int positives = 0;
        for (boolean b : y) {
            positives += b ? 1 : 0;
        }
        double positiveWeight = n / (2.0 * Math.max(1, positives));
        double negativeWeight = n / (2.0 * Math.max(1, n - positives));
        for (int t = 1; t <= iterations; t++) {
            java.util.Arrays.fill(grad, 0);
            for (int i = 0; i < n; i++) {
                double g = (sigmoid(dot(look, z[i])) - (y[i] ? 1 : 0)) * (y[i] ? positiveWeight : negativeWeight);
                for (int j = 0; j < d; j++) {
                    grad[j] += g * z[i][j];
                }
                grad[d] += g;
            }
            for (int j = 0; j <= d; j++) {
                grad[j] /= n;
                if (j < d) {
                    grad[j] += l2 * look[j];
                }
            }
            double momentum = (t - 1.0) / (t + 2.0);
            for (int j = 0; j <= d; j++) {
                double next = look[j] - step * grad[j];
                look[j] = next + momentum * (next - w[j]);
                w[j] = next;
            }
        }
        // Fold the standardisation into the weights so that scoring is one dot product on the raw embedding.
        float[] weights = new float[d];
        double bias = w[d];
        for (int j = 0; j < d; j++) {
            weights[j] = (float) (w[j] * scale[j]);
            bias -= w[j] * scale[j] * mean[j];
        }
        return new Model(weights, bias);
    }

    // Power iteration on Z'Z/n, with the bias column; a few rounds give the scale, which is all the step needs.
    private static double largestEigenvalue(double[][] z) {
        int d = z[0].length;
        double[] v = new double[d + 1];
        java.util.Arrays.fill(v, 1 / Math.sqrt(d + 1));
        double lambda = 1;
        for (int round = 0; round < 20; round++) {
            double[] next = new double[d + 1];
            for (double[] row : z) {
                double p = dot(v, row);
                for (int j = 0; j < d; j++) {
                    next[j] += p * row[j];
                }
                next[d] += p;
            }
            double norm = 0;
            for (double c : next) {
                norm += c * c;
            }
            norm = Math.sqrt(norm);
            lambda = norm / z.length;
            for (int j = 0; j <= d; j++) {
                v[j] = next[j] / norm;
            }
        }
        return lambda * 1.1;
    }

    private static double dot(double[] w, double[] z) {
        double sum = w[z.length];
        for (int j = 0; j < z.length; j++) {
            sum += w[j] * z[j];
        }
        return sum;
    }

    static double sigmoid(double v) {
        return v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v));
    }

    /** A fitted model: the probability that an embedding carries the tag. */
    public record Model(float[] weights, double bias) {
        public double probability(float[] x) {
            double sum = bias;
            for (int j = 0; j < weights.length; j++) {
                sum += weights[j] * x[j];
            }
            return sigmoid(sum);
        }
    }
}
