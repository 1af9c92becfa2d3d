package nl.passend.solver;

/** How soon a youth needs a place, with the weight an unplaced referral of it costs (DESIGN.md, "Matching"). */
public enum Urgency {
    CRISIS(4),
    HIGH(2),
    NORMAL(1);

    private final int weight;

    Urgency(int weight) {
        this.weight = weight;
    }

    public int weight() {
        return weight;
    }
}
