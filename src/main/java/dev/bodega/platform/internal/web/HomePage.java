package dev.bodega.platform.internal.web;

import dev.bodega.platform.Actor;
import dev.bodega.platform.FirstStep;
import dev.bodega.platform.HomeSection;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** What a user's home page shows: the modules' cards they may see, and the first steps while some remain. */
@Service
class HomePage {

    record Step(String label, String link, boolean done) {
    }

    record View(List<HomeSection.Card> cards, List<Step> firstSteps) {
    }

    private final List<HomeSection> sections;
    private final List<FirstStep> steps;

    HomePage(List<HomeSection> sections, List<FirstStep> steps) {
        this.sections = sections.stream().sorted(Comparator.comparingInt(HomeSection::order)).toList();
        this.steps = steps.stream().sorted(Comparator.comparingInt(FirstStep::order)).toList();
    }

    /** Read in one transaction, so the figures agree with each other. */
    @Transactional(readOnly = true)
    public View view(Actor actor) {
        List<HomeSection.Card> cards = sections.stream()
                .filter(section -> actor.can(section.permission()))
                .map(section -> section.card().apply(actor))
                .flatMap(Optional::stream)
                .toList();
        return new View(cards, firstSteps(actor));
    }

    /** Empty once every step is done, or for a user who may do none of them. */
    private List<Step> firstSteps(Actor actor) {
        if (steps.stream().noneMatch(step -> actor.can(step.permission()))) {
            return List.of();
        }
        List<Step> list = steps.stream()
                .map(step -> new Step(step.label(), actor.can(step.permission()) ? step.link() : null,
                        step.done().getAsBoolean()))
                .toList();
        return list.stream().allMatch(Step::done) ? List.of() : list;
    }
}
