package com.trendcast.behaviour.propensity;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * A small feed-forward network (DL4J) trained on batches in which buyers are oversampled to balance
 * the classes, with early stopping on the validation rows' ROC AUC. Training stops at the next epoch once
 * {@code cancelled} says so, so a user who leaves the page does not keep a core busy. (A flag, not thread
 * interruption: an interrupt that reaches embedded H2 file I/O on the same thread closes the database.)
 */
public final class NeuralPropensityModel implements PropensityModel {

    private static final int BATCH = 128;
    private static final int MAX_EPOCHS = 60;
    private static final int PATIENCE = 8;

    private final BooleanSupplier cancelled;

    public NeuralPropensityModel() {
        this(() -> false);
    }

    public NeuralPropensityModel(BooleanSupplier cancelled) {
        this.cancelled = cancelled;
    }

    @Override
    public String name() {
        return "neural";
    }

    @Override
    public Trained fit(float[][] x, boolean[] y, float[][] validationX, boolean[] validationY, long seed) {
        double weight = PropensityModel.balancingWeight(y);
        int copies = Math.max(1, (int) Math.round(weight));
        List<Integer> epochRows = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            for (int c = 0; c < (y[i] ? copies : 1); c++) {
                epochRows.add(i);
            }
        }
        MultiLayerNetwork network = new MultiLayerNetwork(configuration(x[0].length, seed));
        network.init();
        Random shuffle = new Random(seed);
        INDArray validationFeatures = Nd4j.create(validationX);
        double bestAuc = Double.NEGATIVE_INFINITY;
        MultiLayerNetwork best = network.clone();
        int epochsWithoutGain = 0;
        for (int epoch = 0; epoch < MAX_EPOCHS && epochsWithoutGain < PATIENCE; epoch++) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("neural propensity training cancelled at epoch " + epoch);
            }
            Collections.shuffle(epochRows, shuffle);
            for (int start = 0; start < epochRows.size(); start += BATCH) {
                int end = Math.min(start + BATCH, epochRows.size());
                float[][] features = new float[end - start][];
                float[][] labels = new float[end - start][1];
                for (int k = start; k < end; k++) {
                    int row = epochRows.get(k);
                    features[k - start] = x[row];
                    labels[k - start][0] = y[row] ? 1f : 0f;
                }
                network.fit(new DataSet(Nd4j.create(features), Nd4j.create(labels)));
            }
            double auc = ClassificationMetrics.of(validationY, raw(network, validationFeatures), 0.5).rocAuc();
            if (auc > bestAuc + 1e-4) {
                bestAuc = auc;
                best = network.clone();
                epochsWithoutGain = 0;
            } else {
                epochsWithoutGain++;
            }
        }
        MultiLayerNetwork chosen = best;
        double oversampling = copies;
        return features -> {
            double[] probabilities = raw(chosen, Nd4j.create(features));
            for (int i = 0; i < probabilities.length; i++) {
                probabilities[i] = PropensityModel.correctForWeight(probabilities[i], oversampling);
            }
            return probabilities;
        };
    }

    private static double[] raw(MultiLayerNetwork network, INDArray features) {
        return network.output(features, false).toDoubleVector();
    }

    private static MultiLayerConfiguration configuration(int inputs, long seed) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(1e-3))
                .weightInit(WeightInit.XAVIER)
                .l2(1e-4)
                .list()
                .layer(new DenseLayer.Builder().nIn(inputs).nOut(64).activation(Activation.RELU).dropOut(0.8).build())
                .layer(new DenseLayer.Builder().nOut(32).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nOut(1).activation(Activation.SIGMOID).build())
                .build();
    }
}
