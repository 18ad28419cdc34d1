package com.biometriclogger.local.faces;

/**
 * Aligns a face for the embedding model: the similarity transform (scale, rotation, shift; least
 * squares, Umeyama's method) that best maps the standard 112×112 five-point template onto the
 * face's eyes, nose tip and mouth corners. The template and the way the five points are taken
 * from the 68 landmarks are those of the model's package ({@code lib/fr_feature.js}).
 */
final class FaceAlignment {

    /** Image-left eye, image-right eye, nose tip, image-left and image-right mouth corner, at 112×112. */
    static final double[][] TEMPLATE = {
            {38.29459953, 51.69630051},
            {73.53179932, 51.50139999},
            {56.02519989, 71.73660278},
            {41.54930115, 92.3655014},
            {70.72990036, 92.20410156}};

    private FaceAlignment() {
    }

    /** The five points from the 68 (pixels): eye centres from the eyelid points, the nose tip, mouth corners. */
    static double[][] fivePoints(float[] p) {
        return new double[][] {
                {(p[74] + p[76] + p[80] + p[82]) / 4.0, (p[75] + p[77] + p[81] + p[83]) / 4.0},
                {(p[86] + p[88] + p[92] + p[94]) / 4.0, (p[87] + p[89] + p[93] + p[95]) / 4.0},
                {p[60], p[61]},
                {(p[96] + p[120]) / 2.0, (p[97] + p[121]) / 2.0},
                {(p[108] + p[128]) / 2.0, (p[109] + p[129]) / 2.0}};
    }

    /** Maps each template pixel to the image point it shows. */
    static RgbImage.Mapping toTemplate(double[][] face) {
        double mx = 0;
        double my = 0;
        double fx = 0;
        double fy = 0;
        for (int i = 0; i < TEMPLATE.length; i++) {
            mx += TEMPLATE[i][0] / TEMPLATE.length;
            my += TEMPLATE[i][1] / TEMPLATE.length;
            fx += face[i][0] / TEMPLATE.length;
            fy += face[i][1] / TEMPLATE.length;
        }
        double dot = 0;
        double cross = 0;
        double norm = 0;
        for (int i = 0; i < TEMPLATE.length; i++) {
            double px = TEMPLATE[i][0] - mx;
            double py = TEMPLATE[i][1] - my;
            double qx = face[i][0] - fx;
            double qy = face[i][1] - fy;
            dot += px * qx + py * qy;
            cross += px * qy - py * qx;
            norm += px * px + py * py;
        }
        double c = dot / norm;
        double s = cross / norm;
        double tx = fx - (c * mx - s * my);
        double ty = fy - (s * mx + c * my);
        return (column, row, xy) -> {
            xy[0] = c * column - s * row + tx;
            xy[1] = s * column + c * row + ty;
        };
    }
}
