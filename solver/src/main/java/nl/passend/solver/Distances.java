package nl.passend.solver;

/** Great-circle distances, as the score definition measures them. */
public final class Distances {

    private static final double EARTH_RADIUS_KM = 6371.0;

    private Distances() {
    }

    /** The haversine distance in kilometres, rounded to the nearest whole kilometre. */
    public static long kilometres(double fromLatitude, double fromLongitude, double toLatitude, double toLongitude) {
        double dLat = Math.toRadians(toLatitude - fromLatitude);
        double dLon = Math.toRadians(toLongitude - fromLongitude);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(fromLatitude))
                * Math.cos(Math.toRadians(toLatitude)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return Math.round(2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(a)));
    }
}
