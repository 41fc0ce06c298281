package com.example.smsconsole.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The steps a registration of a type goes through, in order, driven by the type definition's
 * {@code SupportedAssociations}: fill in the form; associate what must be associated before
 * submit ({@code ASSOCIATE_BEFORE_SUBMIT}: the US toll-free number, the brand of a 10DLC campaign);
 * submit and wait for the review; what AWS provisions on approval ({@code ASSOCIATE_ON_APPROVAL});
 * what is associated once complete ({@code ASSOCIATE_AFTER_COMPLETE}: the numbers of a 10DLC
 * campaign). Each step is done, the admin's current one, waiting for AWS, or still to come.
 * See docs/decisions/011-20261201-registration-associations.md.
 */
public record RegistrationFlow(List<Step> steps) {

    public enum State { DONE, CURRENT, WAITING, TODO }

    public enum Kind { FORM, ASSOCIATE, SUBMIT, PROVISIONED, ASSOCIATE_AFTER }

    /** One step; {@code association} is set for the association steps. */
    public record Step(Kind kind, String title, State state, String detail, @Nullable SupportedAssociation association) {
    }

    /**
     * The flow of a registration.
     *
     * @param registration null before the registration exists in AWS
     * @param newest the newest version, null before the registration exists
     * @param formComplete whether AWS holds a value for every required field of the newest version
     */
    public static RegistrationFlow of(RegistrationType type, @Nullable Registration registration, @Nullable RegistrationVersion newest,
            boolean formComplete, List<Association> associations) {
        List<Step> steps = new ArrayList<>();
        String status = registration == null ? "" : registration.status();
        boolean complete = "COMPLETE".equals(status);
        boolean draft = registration == null || newest == null || newest.draft();
        boolean denied = newest != null && "DENIED".equals(newest.status());
        boolean inReview = registration != null && registration.inReview();

        if (denied) {
            steps.add(new Step(Kind.FORM, "Fill in the form", State.CURRENT,
                    "Version " + newest.number() + " was denied: create a new version and correct the fields the reasons point at.", null));
        } else if (draft) {
            boolean done = registration != null && formComplete;
            steps.add(new Step(Kind.FORM, "Fill in the form", done ? State.DONE : State.TODO, registration == null
                    ? "Fill in the fields and save the draft." : done ? "AWS holds every required field." : "Some required fields are still empty.",
                    null));
        } else {
            steps.add(new Step(Kind.FORM, "Fill in the form", State.DONE, "Version " + newest.number() + " submitted.", null));
        }

        for (SupportedAssociation a : type.beforeSubmit()) {
            Optional<Association> held = associations.stream().filter(x -> x.fills(a)).findFirst();
            String what = label(type, a);
            steps.add(new Step(Kind.ASSOCIATE, "Associate " + article(what) + " " + what, held.isPresent() ? State.DONE : State.TODO,
                    held.map(h -> "Associated: " + Optional.ofNullable(h.phoneNumber()).orElse(h.resourceId()) + ".")
                            .orElse("AWS requires it before the registration is submitted" + (a.phoneNumber()
                                    ? "; the number is billed from the moment it is requested." : ".")), a));
        }

        State submit = complete ? State.DONE : inReview ? State.WAITING : State.TODO;
        steps.add(new Step(Kind.SUBMIT, "Submit for review", submit, complete ? "Approved" + (registration.approvedVersion() == null ? ""
                : " (version " + registration.approvedVersion() + ").") : inReview ? "AWS is reviewing it (" + status + ")."
                : "AWS and the carriers review it; this takes days for US toll-free and 10DLC.", null));

        for (SupportedAssociation a : type.associations()) {
            if (a.onApproval()) {
                steps.add(new Step(Kind.PROVISIONED, "AWS provisions the " + a.label(), complete ? State.DONE : State.TODO,
                        "On approval; nothing to do here.", a));
            }
        }
        for (SupportedAssociation a : type.associations()) {
            if (a.afterComplete()) {
                Optional<Association> held = associations.stream().filter(x -> x.fills(a)).findFirst();
                String what = label(type, a);
                steps.add(new Step(Kind.ASSOCIATE_AFTER, (a.requestable() ? "Request " : "Associate ") + article(what) + " " + what,
                        held.isPresent() ? State.DONE : State.TODO, held.map(h -> "Associated: "
                                + Optional.ofNullable(h.phoneNumber()).orElse(h.resourceId()) + ".")
                                .orElse("Once the registration is complete" + (a.requestable() ? ", with its registration id." : ".")), a));
            }
        }

        // the admin's place: the first step not done (a step AWS is working on stays WAITING)
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            if (s.state() == State.DONE) {
                continue;
            }
            if (s.state() == State.TODO && s.kind() != Kind.PROVISIONED) {
                steps.set(i, new Step(s.kind(), s.title(), State.CURRENT, s.detail(), s.association()));
            }
            break;
        }
        return new RegistrationFlow(List.copyOf(steps));
    }

    private static String label(RegistrationType type, SupportedAssociation a) {
        if (a.registration()) {
            return type.associatedRegistrationType(a).map(t -> t.equals(RegistrationType.US_TEN_DLC_BRAND)
                    ? "approved brand registration" : "approved " + t).orElse("approved registration");
        }
        return a.label();
    }

    private static String article(String what) {
        return "aeiou".indexOf(Character.toLowerCase(what.charAt(0))) >= 0 ? "an" : "a";
    }

    /** The step the admin is at (current or waiting for AWS), if any is left. */
    public Optional<Step> current() {
        return steps.stream().filter(s -> s.state() == State.CURRENT || s.state() == State.WAITING).findFirst();
    }

    public boolean done() {
        return steps.stream().allMatch(s -> s.state() == State.DONE);
    }

    /** "Step 2 of 3: associate a toll-free number", or "All 3 steps done". */
    public String where() {
        Optional<Step> current = current();
        if (current.isEmpty()) {
            return done() ? "All " + steps.size() + " steps done" : "Step " + (firstOpen() + 1) + " of " + steps.size() + ": "
                    + lower(steps.get(firstOpen()).title());
        }
        Step s = current.get();
        return "Step " + (steps.indexOf(s) + 1) + " of " + steps.size() + ": " + lower(s.title())
                + (s.state() == State.WAITING ? " (waiting for AWS)" : "");
    }

    private int firstOpen() {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).state() != State.DONE) {
                return i;
            }
        }
        return 0;
    }

    private static String lower(String title) {
        return title.substring(0, 1).toLowerCase(Locale.ROOT) + title.substring(1);
    }

    /** The association steps that must be done before submit and are not, in order. */
    public List<Step> missingBeforeSubmit() {
        return steps.stream().filter(s -> s.kind() == Kind.ASSOCIATE && s.state() != State.DONE).toList();
    }
}
