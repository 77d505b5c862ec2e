package io.earpiece.diarize;

/**
 * Sufficient statistics (count, sum, scatter matrix) of feature vectors under a full-covariance Gaussian; they
 * merge exactly, so clusters and split candidates are evaluated without revisiting frames.
 */
final class GaussianStats {

    /** Added to the covariance diagonal: keeps a near-constant dimension (e.g. empty bands) invertible. */
    private static final double RIDGE = 1e-4;

    private final int dimension;
    private final double[] sum;
    /** Upper triangle included; symmetric, row-major dimension x dimension. */
    private final double[] scatter;
    private long count;

    GaussianStats(int dimension) {
        this(dimension, new double[dimension], new double[dimension * dimension], 0);
    }

    private GaussianStats(int dimension, double[] sum, double[] scatter, long count) {
        this.dimension = dimension;
        this.sum = sum;
        this.scatter = scatter;
        this.count = count;
    }

    void add(double[] x) {
        for (int i = 0; i < dimension; i++) {
            sum[i] += x[i];
            double xi = x[i];
            int row = i * dimension;
            for (int j = 0; j < dimension; j++) {
                scatter[row + j] += xi * x[j];
            }
        }
        count++;
    }

    GaussianStats plus(GaussianStats other) {
        return combine(other, 1);
    }

    GaussianStats minus(GaussianStats other) {
        return combine(other, -1);
    }

    private GaussianStats combine(GaussianStats other, int sign) {
        double[] s = sum.clone();
        double[] q = scatter.clone();
        for (int i = 0; i < s.length; i++) {
            s[i] += sign * other.sum[i];
        }
        for (int i = 0; i < q.length; i++) {
            q[i] += sign * other.scatter[i];
        }
        return new GaussianStats(dimension, s, q, count + sign * other.count);
    }

    GaussianStats copy() {
        return new GaussianStats(dimension, sum.clone(), scatter.clone(), count);
    }

    long count() {
        return count;
    }

    int dimension() {
        return dimension;
    }

    /** The maximum-likelihood covariance plus the ridge. */
    private double[] covariance() {
        double[] cov = new double[dimension * dimension];
        for (int i = 0; i < dimension; i++) {
            double mi = sum[i] / count;
            for (int j = 0; j < dimension; j++) {
                cov[i * dimension + j] = scatter[i * dimension + j] / count - mi * (sum[j] / count);
            }
            cov[i * dimension + i] += RIDGE;
        }
        return cov;
    }

    /** Lower-triangular Cholesky factor of the covariance, row-major. */
    private double[] cholesky() {
        double[] a = covariance();
        double[] l = new double[a.length];
        for (int i = 0; i < dimension; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i * dimension + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * dimension + k] * l[j * dimension + k];
                }
                if (i == j) {
                    // rounding can make a degenerate covariance slightly indefinite; the ridge bounds it below
                    l[i * dimension + i] = Math.sqrt(Math.max(s, RIDGE));
                } else {
                    l[i * dimension + j] = s / l[j * dimension + j];
                }
            }
        }
        return l;
    }

    /** log det of the covariance. */
    double logDeterminant() {
        double[] l = cholesky();
        double sumLog = 0;
        for (int i = 0; i < dimension; i++) {
            sumLog += Math.log(l[i * dimension + i]);
        }
        return 2 * sumLog;
    }

    /** Mean per-vector log-likelihood of the vectors summarised by {@code data} under this Gaussian. */
    double meanLogLikelihood(GaussianStats data) {
        double[] l = cholesky();
        double logDet = 0;
        for (int i = 0; i < dimension; i++) {
            logDet += 2 * Math.log(l[i * dimension + i]);
        }
        // E[(x-mu)' S^-1 (x-mu)] = tr(S^-1 C) + (m-mu)' S^-1 (m-mu), with C, m the data's covariance and mean
        double[] dataCov = new double[dimension * dimension];
        double[] diff = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            double mi = data.sum[i] / data.count;
            diff[i] = mi - sum[i] / count;
            for (int j = 0; j < dimension; j++) {
                dataCov[i * dimension + j] = data.scatter[i * dimension + j] / data.count - mi * (data.sum[j] / data.count);
            }
        }
        double trace = 0;
        double[] column = new double[dimension];
        for (int j = 0; j < dimension; j++) {
            for (int i = 0; i < dimension; i++) {
                column[i] = dataCov[i * dimension + j];
            }
            trace += solve(l, column)[j];
        }
        double[] w = solve(l, diff);
        double mahalanobis = 0;
        for (int i = 0; i < dimension; i++) {
            mahalanobis += diff[i] * w[i];
        }
        return -0.5 * (dimension * Math.log(2 * Math.PI) + logDet + trace + mahalanobis);
    }

    /** Solves (L L') x = b. */
    private double[] solve(double[] l, double[] b) {
        double[] y = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * dimension + k] * y[k];
            }
            y[i] = s / l[i * dimension + i];
        }
        double[] x = new double[dimension];
        for (int i = dimension - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < dimension; k++) {
                s -= l[k * dimension + i] * x[k];
            }
            x[i] = s / l[i * dimension + i];
        }
        return x;
    }

    /**
     * Bayesian information criterion gain of modelling {@code a} and {@code b} as two Gaussians rather than one;
     * positive means they are better told apart (different speakers). {@code penalty} scales the model-size term.
     */
    static double deltaBic(GaussianStats a, GaussianStats b, double penalty) {
        GaussianStats both = a.plus(b);
        long n = both.count;
        int d = a.dimension;
        double fit = 0.5 * (n * both.logDeterminant() - a.count * a.logDeterminant() - b.count * b.logDeterminant());
        double parameters = d + d * (d + 1) / 2.0;
        return fit - penalty * 0.5 * parameters * Math.log(n);
    }
}
