package locker.bench.differential;

import java.util.ArrayList;
import java.util.List;

/**
 * Cases run after one reset, in order. Most cases are a group of their own; cases that change nothing a later one
 * could see (the HTTP layer, CORS, Swagger) share one reset, and one logged-in student (the group's first case logs
 * them in; {@link CaseRun#shared()}).
 */
record CaseGroup(CaseKind kind, List<DiffCase> cases) {
    static final Student GROUP_STUDENT = Student.number(9_000);

    static CaseGroup alone(DiffCase diffCase) {
        return new CaseGroup(diffCase.kind(), List.of(diffCase));
    }

    static CaseGroup sharingOneReset(CaseKind kind, List<DiffCase> cases) {
        List<DiffCase> all = new ArrayList<>();
        all.add(DiffCase.client(kind, kind.label() + ": the group's student logs in (the next cases share this reset)",
                run -> run.share(run.login(GROUP_STUDENT))));
        all.addAll(cases);
        return new CaseGroup(kind, List.copyOf(all));
    }
}
