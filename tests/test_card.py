"""The report card on letters written for it, with real parses: each reason and the
finding that must agree with it."""

from __future__ import annotations

import pytest

from thankyou_lint import Linter, Report

LETTER = (
    "Dear Ms. Park,\n\nThank you for the interview on Tuesday. {body}\n\nBest regards,\nAlex Kim"
)


def card(report: Report) -> dict[str, bool]:
    return {c.reason.value: c.done for c in report.reasons}


def rules(report: Report) -> set[str]:
    return {f.rule for f in report.findings}


def assert_agrees(report: Report, reason: str, done: bool, *crossing: str) -> None:
    """The card's mark, and a finding of the rules that cross it exactly when it is not done."""
    assert card(report)[reason] is done
    assert bool(set(crossing) & rules(report)) is not done


@pytest.mark.parametrize(
    ("body", "reinforces"),
    [
        # "together with" / "along with" adds a second thing: the slot in it leaves the
        # first one real, in either order.
        (
            "My knowledge of your stock systems, together with my background in [relevant"
            " field], would help me start quickly.",
            True,
        ),
        (
            "My background in [relevant field], together with my knowledge of your stock"
            " systems, would help me start quickly.",
            True,
        ),
        (
            "My experience with forklift rotas, along with my training in [area], would help"
            " me start quickly.",
            True,
        ),
        # Only slots and praise: nothing concrete.
        (
            "My background in [relevant field], together with my passion, would help me start"
            " quickly.",
            False,
        ),
    ],
)
def test_a_slot_joined_to_a_strength_leaves_it_standing(
    linter: Linter, body: str, reinforces: bool
) -> None:
    report = linter.lint(LETTER.format(body=body))
    assert_agrees(report, "reinforces-strengths", reinforces, "strengths.missing")


@pytest.mark.parametrize(
    "body",
    [
        # A bracket wrapped onto a second line, as hard-wrapped mail does, is still a slot.
        "I was grateful for your hints as I worked my way through [a certain\npoint in the"
        " session].",
        # Numbers of time to come, of the application itself, and "zero" as "no".
        "Do think of me for any comparable roles that open up over the next 6 months.",
        "I flew up to interview with you at a cost of $1,500.",
        "Hiring schedules often move around, so zero rush from my side.",
        # A record told only in words every working life has.
        "My previous experience in the field has prepared me well for this role.",
        "The skills I have developed over the years will help me excel in this position.",
    ],
)
def test_what_restates_no_record(linter: Linter, body: str) -> None:
    report = linter.lint(LETTER.format(body=body))
    assert_agrees(report, "reinforces-strengths", False, "strengths.missing")


@pytest.mark.parametrize(
    ("body", "reinforces"),
    [
        # Letters sent and things raised with someone are this application, not a record,
        # whatever the parser makes of the name.
        (
            "Last week I wrote to Okonkwo to ask whether the shortlist had been drawn up."
            " When nothing came back, I raised it with Okonkwo again this morning.",
            False,
        ),
        # A text written, a pronoun with a result: records.
        ("Last year I wrote the grant proposal that funded our walk-in clinic.", True),
    ],
)
def test_writing_to_someone_is_no_record(linter: Linter, body: str, reinforces: bool) -> None:
    report = linter.lint(LETTER.format(body=body))
    assert_agrees(report, "reinforces-strengths", reinforces, "strengths.missing")


@pytest.mark.parametrize(
    ("body", "reinforces"),
    [
        # A point the writer made in the interview, said again (RUBRIC: reinforces).
        ("As I mentioned, I have a young family here and I hope to settle in the area.", True),
        ("As I explained on Tuesday, I keep the weekly stock counts for my uncle's shop.", True),
        # Said again, but generic praise, a wish or a need: nothing concrete.
        ("As I said, I am a hard worker and a quick learner.", False),
        ("As I mentioned, I would love to join the night team.", False),
        ("As I mentioned, I love the way your team plans its delivery routes.", False),
        # Described, but not by the writer: the clause has no subject of its own.
        ("I have sent all the forms required, as described in the interview.", False),
    ],
)
def test_a_point_made_in_the_interview_said_again_reinforces(
    linter: Linter, body: str, reinforces: bool
) -> None:
    report = linter.lint(LETTER.format(body=body))
    crossing = ("strengths.missing", "strengths.generic-only")
    assert_agrees(report, "reinforces-strengths", reinforces, *crossing)


def test_a_point_said_again_is_the_writers_record_not_a_detail(linter: Linter) -> None:
    # As "I have run 3 marathons" is: the number is the writer's, not about the interview.
    report = linter.lint(LETTER.format(body="As I mentioned, I have run 3 marathons."))
    assert "generic.nothing-specific" in rules(report)
    assert card(report)["reinforces-strengths"] is True


@pytest.mark.parametrize(
    ("body", "shares"),
    [
        # The application the interviewer has read already, sent again: nothing new.
        ("You will find my resume attached for reference.", False),
        ("I have enclosed a copy of my CV for your files.", False),
        # Something beside it, or something else, is new.
        ("I have attached my CV and the route plan we talked about.", True),
        ("I have enclosed a sample of my written reports from the depot.", True),
        # Papers the process asks for are no news; what the reader asked to see is.
        ("Attached is the medical questionnaire form that occupational health needs.", False),
        ("I have attached the two payslips that the agency requires from new starters.", False),
        ("As required by your recruitment office, my signed declaration is enclosed.", False),
        ("As you requested, I have enclosed the rota plan I built for the Leeds depot.", True),
    ],
)
def test_sending_the_application_again_is_no_new_information(
    linter: Linter, body: str, shares: bool
) -> None:
    assert card(linter.lint(LETTER.format(body=body)))["shares-new-information"] is shares


# A template's instruction, longer than a name slot, where the new point belongs.
INSTRUCTION = (
    "[Here, describe in two or three sentences any project, course or result that you did not"
    " manage to bring up during the interview itself.]"
)


@pytest.mark.parametrize(
    ("body", "shares"),
    [
        # Announced, but the point itself is left to the template.
        (f"I would also like to add a few points we did not cover.\n\n{INSTRUCTION}", False),
        # An example sentence inside the template's brackets is the template's, not news.
        (
            '[Optional: the links you promised, e.g. "As promised, here are links to the'
            ' projects we talked about: [link]"]',
            False,
        ),
        # The sentence says the point itself; the slot after it is only more.
        (
            "I would also like to add that I led the Dockside warehouse move last spring."
            f"\n\n{INSTRUCTION}",
            True,
        ),
    ],
)
def test_an_announcement_leading_into_a_slot_shares_nothing(
    linter: Linter, body: str, shares: bool
) -> None:
    report = linter.lint(LETTER.format(body=body))
    assert card(report)["shares-new-information"] is shares
    assert "generic.placeholder" in rules(report)


@pytest.mark.parametrize(
    ("body", "specific"),
    [
        # Asking for feedback on the writer's own interview names nothing of theirs.
        ("Would you share any thoughts on how my interview or application came across?", False),
        ("You shared your thoughts on my answers.", False),
        # Their thoughts on a subject of the conversation do.
        ("Would you share any thoughts on how the rota trial went?", True),
        ("You shared your thoughts on the loading bay rebuild.", True),
        # The writer's own record names nothing of the reader's side either...
        ("At Brightwave I drafted the onboarding guide for new drivers.", False),
        # ...but a clause of theirs inside it does: what they mentioned, what was discussed.
        ("Since our talk I drafted the onboarding guide you mentioned.", True),
        ("I wrote some notes on the Harlow rollout we discussed.", True),
        # What every role has, unnamed, is no detail of this one; named, it is.
        ("The challenges you outlined match my background.", False),
        ("The cooperative atmosphere you described sounds ideal.", False),
        ("I was struck by the hiring challenges you described.", True),
        # What the writer heard or learned about is what they were told.
        ("It meant a lot to hear about your project roadmap.", True),
        ("I enjoyed learning about the company and the role.", False),
        ("As I have not heard back about my message, I am writing again.", False),
        ("I look forward to hearing about the outcome.", False),
        # A fragment with "I am" left out is no name at the start of its sentence.
        ("Glad to send over anything else that might help.", False),
        ("Happy to share more. Priya mentioned the loading bay rebuild.", True),
    ],
)
def test_only_the_readers_side_is_specific(linter: Linter, body: str, specific: bool) -> None:
    report = linter.lint(LETTER.format(body=body))
    assert_agrees(report, "sets-apart", specific, "generic.nothing-specific")


def test_a_blank_line_ends_a_sentence(linter: Linter) -> None:
    """A line with no full stop does not run on into the next paragraph: the template's
    example stays a slot, and the sentence after it is read on its own."""
    doc = linter.nlp("[Example: here are the links: [link]]\n\nPlease call me any time")
    assert [s.text.strip() for s in doc.sents][-1] == "Please call me any time"
    body = "[Example: here are the links to the projects: [link]]\n\nPlease call me any time."
    assert card(linter.lint(LETTER.format(body=body)))["shares-new-information"] is False


@pytest.mark.parametrize(
    ("body", "reinforces"),
    [
        # A bulleted list of results drops the "I", as a note does.
        ("Main points of the demo:\n- 91% of the code under test\n- deployed with Docker", True),
        # A bold numbered heading is no bullet, and a list of the reader's numbers is theirs.
        ("**1. Notes for the panel:**\n\nCould you pass them on?", False),
        ("Notes from the day:\n- your team grew 40% last year\n- a new depot opens in May", False),
    ],
)
def test_a_bulleted_result_is_the_writers(linter: Linter, body: str, reinforces: bool) -> None:
    report = linter.lint(LETTER.format(body=body))
    assert_agrees(report, "reinforces-strengths", reinforces, "strengths.missing")


def test_the_specific_tick_shows_the_detail_the_rule_found(linter: Linter) -> None:
    """The evidence is the sentence that makes the letter specific, not the first name in
    it: a name in the writer's own record ("at Acme") is no detail of this interview."""
    body = (
        "At Acme I cut the loading time by half. Your point about the night-shift handover"
        " stayed with me."
    )
    report = linter.lint(LETTER.format(body=body))
    specific = next(c for c in report.reasons if c.reason.value == "sets-apart")
    assert specific.done
    assert specific.evidence == "Your point about the night-shift handover stayed with me."


@pytest.mark.parametrize(
    ("body", "shares"),
    [
        # The point handed over is only a template's slot: nothing is shared as sent.
        ("I neglected to mention (when you have an extra selling point to add).", False),
        ("I neglected to mention that I hold a forklift licence (class B).", True),
    ],
)
def test_news_that_is_only_a_slot_shares_nothing(linter: Linter, body: str, shares: bool) -> None:
    report = linter.lint(LETTER.format(body=body))
    assert card(report)["shares-new-information"] is shares


@pytest.mark.parametrize(
    ("body", "shares"),
    [
        # What the writer left unsaid in the interview, however it is worded, is news now.
        ("I forgot to mention that I also ran the payroll for two years.", True),
        ("One thing I didn't mention is that I speak Polish.", True),
        ("I wasn't able to share my forklift licence during the call.", True),
        ("There are a couple of questions I neglected to raise while we were talking.", True),
        ("It occurred to me afterwards that I never asked about the relocation budget.", True),
        # A point left out, or a topic the interview never reached; not an answer found.
        ("One thing I left out is that I'm fluent in Gujarati.", True),
        ("Something that never came up: I also ran the staff rota for two years.", True),
        ("I also hold a C1 driving licence, which we didn't get to.", True),
        ("I didn't come up with a good answer to the rota question.", False),
        # News since a recent day, not since a year (a record).
        ("Since Tuesday I've passed my NEBOSH General Certificate.", True),
        ("I have worked at the depot since 2019.", False),
        # Time since the interview, and only musing, days counted or a feeling in it.
        ("Since our talk, I've been thinking about the job a lot.", False),
        ("It has now been ten days since we spoke, and I wondered about the timeline.", False),
        ("In the days since our interview, my enthusiasm for the role has only grown.", False),
        # Not asked by others, nothing named, or only the application again.
        ("The reason I froze is that I'd never been asked to write code by hand.", False),
        ("I realise I didn't ask many questions at the end.", False),
        ("I've attached my CV again in case the copy you had was hard to read.", False),
        ("Since our talk, I've been thinking it over, and I'd now start with the rota.", True),
        # Set out to add it, in a phrase or a purpose clause ahead of the point.
        ("Just to clear up my timing: I expect to decide within four weeks.", True),
        ("To add to our talk, I also hold a forklift licence.", True),
        ("I am writing to follow up on my application.", False),
        # Their silence is not the writer's news, nor is a promise not to say something.
        ("You didn't mention the salary, which is fine.", False),
        ("I won't mention the parking again.", False),
        # Having thought it over announces a reply; it hands nothing over by itself.
        ("Having thought it over, I would like to respond to the points raised.", False),
    ],
)
def test_a_point_left_unsaid_or_added_is_new_information(
    linter: Linter, body: str, shares: bool
) -> None:
    assert card(linter.lint(LETTER.format(body=body)))["shares-new-information"] is shares


@pytest.mark.parametrize(
    ("body", "answers"),
    [
        # A doubt the interviewer felt, in any word for it, answered with evidence.
        (
            "You seemed unsure whether my retail background fits a warehouse role. In fact, I"
            " ran stock control for two stores.",
            True,
        ),
        (
            "You weren't sure I'd cope with the heavy lifting, so I should say I spent three"
            " summers unloading containers at Felixstowe.",
            True,
        ),
        # The reader's remark on the writer, or the panel's question, answered by an act
        # since; feedback thanked for raises no doubt.
        (
            "Your point about my limited Revit experience stayed with me, so I've started the"
            " Autodesk track.",
            True,
        ),
        (
            "The panel wondered whether I had only worked agency-side; I've managed the"
            " in-house accounts at Penrose for two years.",
            True,
        ),
        (
            "Thank you for your comments on the way I communicate. I will pay closer attention"
            " to this.",
            False,
        ),
        (
            "I know the panel wondered about my lack of management experience, and I'm sure I"
            " would grow into it.",
            False,
        ),
        # A promise with nothing in it is no answer; a plan that acts on something is.
        ("Your worry about the night shifts is understandable, but I'm sure I'll adapt.", False),
        ("You had doubts about my SQL, so I will take the evening course at Leeds.", True),
        # The answer given again, better: "a fuller answer", not just "an answer".
        (
            "I'd like to give a fuller answer to your question about late payers: at the garage"
            " I set up payment plans and our bad debt halved.",
            True,
        ),
        ("I'd like to give an answer to anyone who asks about the garage.", False),
        # What the writer said in the interview, and by "but" what holds since.
        ("When we met I said I would rather not relocate, but I have thought it over.", True),
        ("I told you I had never used Tableau, but since then I have built two in it.", True),
        ("I said I loved the team, but I have to go now.", False),
        # The reader's doubt granted, then by "but" the writer's answer.
        ("I agree that night shifts could be hard, but I am sure I can handle them.", True),
        ("You are right that my SQL is rusty, but I have started a course.", True),
        ("I agree with your point about the rota, and I look forward to hearing from you.", False),
        # Coming back to an answer revisits it; coming back to a record only adds to it.
        ("I'd like to clarify how I solved the stock-count question.", True),
        ("I'd like to expand on my experience with payroll: I also ran the year-end close.", False),
        # The point raised set first as the topic, then the answer with evidence.
        (
            "Regarding the forklift licence you said the role needs, I renewed my counterbalance"
            " certificate last week.",
            True,
        ),
        (
            "On the question of whether I could lead a team, I have supervised six pickers on"
            " the night shift since March.",
            True,
        ),
        ("On Tuesday, I enjoyed meeting your team in the goods-in bay.", False),
        ("About your question on shift patterns, I look forward to hearing more.", False),
        # A named interviewer's doubt about the writer, answered in the same sentence.
        (
            "Mr Adeyemi wondered whether I had driven articulated lorries; I have held my C+E"
            " licence since 2019 and drive them weekly.",
            True,
        ),
        ("Mr Adeyemi wondered whether the new depot would open in spring.", False),
    ],
)
def test_an_objection_is_answered(linter: Linter, body: str, answers: bool) -> None:
    assert card(linter.lint(LETTER.format(body=body)))["confronts-objections"] is answers
