package nl.passend.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import nl.passend.solver.Contract;
import nl.passend.solver.Demand;
import nl.passend.solver.Distances;
import nl.passend.solver.Eligibility;
import nl.passend.solver.MatchingProblem.ExistingPlacement;
import nl.passend.solver.Offer;
import nl.passend.solver.Urgency;

/**
 * A seeded generator of synthetic regional instances on the real municipalities of Gelderland and Overijssel:
 * providers with locations and offers of every forensic care type and security level, joint contracts per youth
 * region with tariffs, volume ceilings and budgets, and referrals with an urgency mix, specialisms, excluded
 * municipalities, co-defendant groups and existing (pinned) placements. The same size and seed give the same instance.
 */
public final class SyntheticRegion {

    /** The date of the run: days waiting count to it, contracts and requested starts are around it. */
    public static final LocalDate RUN_DATE = LocalDate.of(2026, 12, 1);

    /** How much supply there is for the demand. */
    public enum Supply {
        /** Overall about as many free places as referrals, but not always where and of the kind needed. */
        TIGHT(1.0),
        /** About three free places for every four referrals. */
        SCARCE(0.75);

        final double placesPerReferral;

        Supply(double placesPerReferral) {
            this.placesPerReferral = placesPerReferral;
        }
    }

    /** One instance: the facts of matching, ready for {@link nl.passend.solver.MatchingProblem#of}. */
    public record Instance(String name, List<Offer> offers, List<Contract> contracts, List<Demand> open,
            List<ExistingPlacement> existing) {
    }

    record Municipality(String code, String youthRegion, double latitude, double longitude) {
    }

    /**
     * A forensic care type as the generator sees it: its share of demand, the security levels asked for and offered
     * (index = level, value = weight), tariffs in euros per day, places per offer before scaling, and durations.
     */
    private record CareKind(String code, double share, double[] neededLevels, double[] offeredLevels, int minTariff,
            int maxTariff, int minPlaces, int maxPlaces, int minDays, int maxDays, double crisisShare) {
    }

    private static final List<CareKind> CARE_KINDS = List.of(
            new CareKind("45", 0.30, new double[] {9, 1, 0, 0, 0}, new double[] {8, 2, 0, 0, 0}, 60, 140, 8, 25, 90,
                    270, 0.05),
            new CareKind("54", 0.15, new double[] {5, 3, 2, 0, 0}, new double[] {3, 4, 2, 1, 0}, 250, 450, 4, 12, 60,
                    240, 0.05),
            new CareKind("43", 0.25, new double[] {0, 3, 4, 2, 1}, new double[] {0, 3, 4, 2, 1}, 500, 800, 4, 10, 90,
                    365, 0.10),
            new CareKind("44", 0.18, new double[] {0, 6, 4, 0, 0}, new double[] {0, 5, 4, 1, 0}, 300, 500, 6, 12, 60,
                    240, 0.05),
            new CareKind("46", 0.12, new double[] {0, 4, 4, 2, 0}, new double[] {0, 3, 4, 3, 0}, 600, 900, 2, 5, 14,
                    42, 0.60));

    /** Specialisms and how often an offer has one; a referral needs each at a fifth of that. */
    private static final Map<String, Double> SPECIALISMS = orderedMap(
            "LVB", 0.35, "TRAUMA", 0.30, "ADDICTION", 0.20, "SEXUAL_OFFENCES", 0.10, "PSYCHIATRY", 0.25,
            "UNACCOMPANIED_MINOR", 0.05);

    private final List<Municipality> municipalities;
    private final Map<String, List<Municipality>> byRegion = new LinkedHashMap<>();

    public SyntheticRegion() {
        this(readMunicipalities());
    }

    SyntheticRegion(List<Municipality> municipalities) {
        this.municipalities = municipalities;
        municipalities.forEach(m -> byRegion.computeIfAbsent(m.youthRegion(), r -> new ArrayList<>()).add(m));
    }

    /** An instance with this many open referrals; existing placements come on top, about one per eight. */
    public Instance generate(int openReferrals, Supply supply, long seed) {
        return new Generation(openReferrals, supply, new Random(seed)).run(
                openReferrals + "-" + supply.name().toLowerCase() + "-" + seed);
    }

    /** One run of the generator; its fields are the instance under construction. */
    private final class Generation {

        private final int size;
        private final Supply supply;
        private final Random random;
        private final List<Offer> offers = new ArrayList<>();
        private final Map<Long, Set<String>> careTypesOfProvider = new HashMap<>();
        private final Map<Long, Municipality> homeOfProvider = new HashMap<>();
        private final List<Demand> open = new ArrayList<>();
        private long nextReferralId = 1;

        Generation(int size, Supply supply, Random random) {
            this.size = size;
            this.supply = supply;
            this.random = random;
        }

        Instance run(String name) {
            int providers = 24 + size / 100;
            for (long provider = 1; provider <= providers; provider++) {
                addProvider(provider);
            }
            int existingCount = size / 8;
            scaleCapacities(existingCount);
            List<ContractDraft> drafts = contracts(providers);
            for (int i = 0; i < size; i++) {
                addReferrals();
            }
            while (open.size() > size) {
                open.remove(open.size() - 1);
            }
            List<ExistingPlacement> existing = pin(existingCount, drafts);
            List<Contract> contracts = drafts.stream().map(draft -> draft.contract(random)).toList();
            return new Instance(name, List.copyOf(offers), contracts, List.copyOf(open), existing);
        }

        private void addProvider(long provider) {
            Municipality home = pick(municipalities);
            homeOfProvider.put(provider, home);
            Set<String> careTypes = new TreeSet<>();
            int kinds = 1 + random.nextInt(3);
            while (careTypes.size() < kinds) {
                careTypes.add(pickCareKind().code());
            }
            careTypesOfProvider.put(provider, careTypes);
            List<Municipality> near = nearest(home, 12);
            int locations = 1 + random.nextInt(4);
            for (int l = 0; l < locations; l++) {
                Municipality place = l == 0 ? home : pick(near);
                long locationId = provider * 10 + l;
                double latitude = place.latitude() + (random.nextDouble() - 0.5) * 0.04;
                double longitude = place.longitude() + (random.nextDouble() - 0.5) * 0.06;
                for (String careType : careTypes) {
                    CareKind kind = kind(careType);
                    int count = 1 + (random.nextDouble() < 0.35 ? 1 : 0);
                    for (int o = 0; o < count; o++) {
                        offers.add(offer(offers.size() + 1, locationId, provider, place.code(), latitude, longitude,
                                kind));
                    }
                }
            }
        }

        private Offer offer(long id, long locationId, long provider, String municipality, double latitude,
                double longitude, CareKind kind) {
            int level = pickWeighted(kind.offeredLevels());
            double ages = random.nextDouble();
            int minAge = ages < 0.55 ? 12 : ages < 0.70 ? 12 : ages < 0.85 ? 14 : 16;
            int maxAge = ages < 0.55 ? 18 : ages < 0.70 ? 23 : ages < 0.85 ? 18 : 23;
            double sexes = random.nextDouble();
            Set<String> genders = sexes < 0.75 ? Set.of("MALE", "FEMALE") : sexes < 0.93 ? Set.of("MALE")
                    : Set.of("FEMALE");
            Set<String> specialisms = new TreeSet<>();
            SPECIALISMS.forEach((specialism, share) -> {
                if (random.nextDouble() < share) {
                    specialisms.add(specialism);
                }
            });
            if (maxAge > 18) {
                specialisms.add("YOUNG_ADULT_18_PLUS");
            }
            if (genders.equals(Set.of("FEMALE"))) {
                specialisms.add("GIRLS");
            }
            int places = kind.minPlaces() + random.nextInt(kind.maxPlaces() - kind.minPlaces() + 1);
            return new Offer(id, locationId, provider, municipality, latitude, longitude, kind.code(), level, minAge,
                    maxAge, genders, Set.copyOf(specialisms), places);
        }

        /** Scales each care type's places to the supply: its share of the referrals, plus the existing placements. */
        private void scaleCapacities(int existingCount) {
            for (CareKind kind : CARE_KINDS) {
                double wanted = kind.share() * (size * supply.placesPerReferral + existingCount);
                List<Offer> ofKind = offers.stream().filter(o -> o.careType().equals(kind.code())).toList();
                double raw = ofKind.stream().mapToInt(Offer::capacity).sum();
                for (Offer offer : ofKind) {
                    int places = (int) Math.max(1, Math.round(offer.capacity() * wanted / raw));
                    offers.set((int) offer.id() - 1, withCapacity(offer, places));
                }
            }
        }

        /** A contract per provider and youth region it serves: its home region and the one to three nearest. */
        private List<ContractDraft> contracts(int providers) {
            List<ContractDraft> drafts = new ArrayList<>();
            for (long provider = 1; provider <= providers; provider++) {
                Municipality home = homeOfProvider.get(provider);
                List<String> regions = byRegion.keySet().stream()
                        .sorted(Comparator.comparingDouble(region -> distanceToRegion(home, region)))
                        .limit(2 + random.nextInt(3))
                        .toList();
                Map<String, Long> baseTariffs = new LinkedHashMap<>();
                for (String careType : careTypesOfProvider.get(provider)) {
                    CareKind kind = kind(careType);
                    baseTariffs.put(careType, (long) (kind.minTariff()
                            + random.nextInt(kind.maxTariff() - kind.minTariff() + 1)) * 100);
                }
                long finalProvider = provider;
                int places = offers.stream().filter(o -> o.providerId() == finalProvider).mapToInt(Offer::capacity)
                        .sum();
                for (String region : regions) {
                    Map<String, Long> tariffs = new LinkedHashMap<>();
                    baseTariffs.forEach((careType, cents) -> tariffs.put(careType,
                            cents + (random.nextInt(11) - 5) * cents / 100 / 100 * 100));
                    Set<String> covered = new LinkedHashSet<>();
                    byRegion.get(region).forEach(m -> covered.add(m.code()));
                    LocalDate until = random.nextDouble() < 0.1 ? RUN_DATE.plusDays(14) : LocalDate.of(2027, 12, 31);
                    drafts.add(new ContractDraft(drafts.size() + 1, provider, covered, tariffs,
                            LocalDate.of(2026, 1, 1), until, places));
                }
            }
            return drafts;
        }

        /** The referrals of one youth, or of a co-defendant group of two or three from one youth region. */
        private void addReferrals() {
            Municipality home = pick(municipalities);
            if (random.nextDouble() < 0.025) {
                String group = "G" + nextReferralId;
                CareKind kind = pickCareKind();
                int members = 2 + random.nextInt(2);
                for (int i = 0; i < members; i++) {
                    open.add(demand(kind, i == 0 ? home : pick(byRegion.get(home.youthRegion())), group));
                }
            } else {
                open.add(demand(pickCareKind(), home, null));
            }
        }

        private Demand demand(CareKind kind, Municipality home, String coDefendantGroup) {
            long id = nextReferralId++;
            double u = random.nextDouble();
            Urgency urgency = u < kind.crisisShare() ? Urgency.CRISIS : u < kind.crisisShare() + 0.3 ? Urgency.HIGH
                    : Urgency.NORMAL;
            int daysWaiting = switch (urgency) {
                case CRISIS -> random.nextInt(8);
                case HIGH -> random.nextInt(31);
                case NORMAL -> random.nextInt(121);
            };
            int age = 12 + Math.min(10, (int) Math.abs(random.nextGaussian() * 2.5 + 4));
            String gender = random.nextDouble() < 0.82 ? "MALE" : "FEMALE";
            Set<String> specialisms = new TreeSet<>();
            SPECIALISMS.forEach((specialism, share) -> {
                if (random.nextDouble() < share / 5) {
                    specialisms.add(specialism);
                }
            });
            if (age >= 18) {
                specialisms.add("YOUNG_ADULT_18_PLUS");
            }
            if (gender.equals("FEMALE") && random.nextDouble() < 0.2) {
                specialisms.add("GIRLS");
            }
            Set<String> excluded = new TreeSet<>();
            if (random.nextDouble() < 0.12) {
                List<Municipality> near = nearest(home, 4);
                excluded.add(near.get(random.nextInt(near.size())).code());
                if (random.nextBoolean()) {
                    excluded.add(near.get(random.nextInt(near.size())).code());
                }
            }
            int days = kind.minDays() + random.nextInt(kind.maxDays() - kind.minDays() + 1);
            return new Demand(id, urgency, daysWaiting, kind.code(), pickWeighted(kind.neededLevels()), age, gender,
                    Set.copyOf(specialisms), home.code(), home.latitude(), home.longitude(), Set.copyOf(excluded),
                    RUN_DATE.plusDays(random.nextInt(31)), days, coDefendantGroup);
        }

        /**
         * Accepted or started placements: youths who fit an offer with a free place under a contract that pays for
         * it; they take at most a third of an offer's places. The contracts' ceilings are set above them afterwards.
         */
        private List<ExistingPlacement> pin(int count, List<ContractDraft> drafts) {
            List<Contract> loose = drafts.stream().map(ContractDraft::withoutCeilings).toList();
            Map<Long, Integer> taken = new HashMap<>();
            List<ExistingPlacement> existing = new ArrayList<>();
            int attempts = 0;
            while (existing.size() < count && attempts++ < count * 50) {
                Offer offer = pick(offers);
                if (taken.getOrDefault(offer.id(), 0) >= offer.capacity() / 3) {
                    continue;
                }
                Demand demand = demand(kind(offer.careType()), pick(municipalities), null);
                if (!Eligibility.fits(demand, offer) || Eligibility.excluded(demand, offer)) {
                    continue;
                }
                Contract contract = Eligibility.contractFor(demand, offer, loose).orElse(null);
                if (contract == null) {
                    continue;
                }
                taken.merge(offer.id(), 1, Integer::sum);
                ContractDraft draft = drafts.get((int) contract.id() - 1);
                draft.pinnedPlacements++;
                draft.pinnedCents += contract.dailyTariffCents(demand.careType()) * demand.expectedDurationDays();
                existing.add(new ExistingPlacement(demand, offer.id(), contract.id()));
            }
            return existing;
        }

        private double distanceToRegion(Municipality from, String region) {
            return byRegion.get(region).stream()
                    .mapToDouble(m -> Distances.kilometres(from.latitude(), from.longitude(), m.latitude(),
                            m.longitude()))
                    .average().orElseThrow();
        }

        private List<Municipality> nearest(Municipality from, int count) {
            return municipalities.stream()
                    .sorted(Comparator.comparingDouble(m -> Distances.kilometres(from.latitude(), from.longitude(),
                            m.latitude(), m.longitude())))
                    .limit(count)
                    .toList();
        }

        private CareKind pickCareKind() {
            double u = random.nextDouble();
            for (CareKind kind : CARE_KINDS) {
                u -= kind.share();
                if (u < 0) {
                    return kind;
                }
            }
            return CARE_KINDS.get(CARE_KINDS.size() - 1);
        }

        private int pickWeighted(double[] weights) {
            double total = 0;
            for (double weight : weights) {
                total += weight;
            }
            double u = random.nextDouble() * total;
            for (int i = 0; i < weights.length; i++) {
                u -= weights[i];
                if (u < 0) {
                    return i;
                }
            }
            return weights.length - 1;
        }

        private <T> T pick(List<T> list) {
            return list.get(random.nextInt(list.size()));
        }
    }

    /** A contract before its ceilings are known: they are set above what the existing placements already use. */
    private static final class ContractDraft {
        private final long id;
        private final long providerId;
        private final Set<String> municipalities;
        private final Map<String, Long> tariffs;
        private final LocalDate validFrom;
        private final LocalDate validUntil;
        private final int providerPlaces;
        private int pinnedPlacements;
        private long pinnedCents;

        ContractDraft(long id, long providerId, Set<String> municipalities, Map<String, Long> tariffs,
                LocalDate validFrom, LocalDate validUntil, int providerPlaces) {
            this.id = id;
            this.providerId = providerId;
            this.municipalities = municipalities;
            this.tariffs = tariffs;
            this.validFrom = validFrom;
            this.validUntil = validUntil;
            this.providerPlaces = providerPlaces;
        }

        Contract withoutCeilings() {
            return new Contract(id, providerId, municipalities, tariffs, validFrom, validUntil, null, null);
        }

        /** Seven in ten contracts cap the volume, half of them cap the budget; both leave room for new placements. */
        Contract contract(Random random) {
            Integer volume = random.nextDouble() < 0.7
                    ? pinnedPlacements + 1 + (int) (providerPlaces * (0.15 + 0.35 * random.nextDouble())) : null;
            long averageTariff = tariffs.values().stream().mapToLong(Long::longValue).sum() / tariffs.size();
            Long budget = random.nextDouble() < 0.5
                    ? pinnedCents + (long) (providerPlaces * averageTariff * 150 * (0.1 + 0.3 * random.nextDouble()))
                    : null;
            return new Contract(id, providerId, municipalities, tariffs, validFrom, validUntil, volume, budget);
        }
    }

    private static Offer withCapacity(Offer offer, int capacity) {
        return new Offer(offer.id(), offer.locationId(), offer.providerId(), offer.municipalityCode(),
                offer.latitude(), offer.longitude(), offer.careType(), offer.securityLevel(), offer.minAge(),
                offer.maxAge(), offer.genders(), offer.specialisms(), capacity);
    }

    private static CareKind kind(String careType) {
        return CARE_KINDS.stream().filter(kind -> kind.code().equals(careType)).findFirst().orElseThrow();
    }

    private static Map<String, Double> orderedMap(Object... keysAndValues) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (Double) keysAndValues[i + 1]);
        }
        return map;
    }

    /** The municipalities of the reference data, with their youth region and centroid. */
    static List<Municipality> readMunicipalities() {
        String resource = "/nl/passend/sampledata/reference/municipality.csv";
        try (InputStream in = SyntheticRegion.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No " + resource + " on the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().skip(1).filter(line -> !line.isBlank()).map(line -> line.split(","))
                    .map(f -> new Municipality(f[0], f[3], Double.parseDouble(f[4]), Double.parseDouble(f[5])))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
