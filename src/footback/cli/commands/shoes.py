"""`footback shoes-check`: a guided footwear check, with saved pairs and their distance."""

from dataclasses import dataclass
from typing import Annotated

import typer

from footback.cli.context import AppContext
from footback.cli.options import (
    AddDistanceOption,
    AllPairsOption,
    AnswersOption,
    ListPairsOption,
    NoColorOption,
    PairNameOption,
    ResultJsonOption,
    RetireOption,
    SchemaOption,
    TemplateOption,
    UndoDistanceOption,
    print_answers_help,
)


@dataclass(frozen=True)
class ShoesArgs:
    """`footback shoes-check`'s options, as typed."""

    answers: AnswersOption = None
    name: PairNameOption = None
    list_saved: ListPairsOption = False
    all_pairs: AllPairsOption = False
    add_distance: AddDistanceOption = None
    undo: UndoDistanceOption = False
    retire: RetireOption = False
    template: TemplateOption = False
    schema: SchemaOption = False
    as_json: ResultJsonOption = False
    no_save: Annotated[bool, typer.Option("--no-save", help="Do not store this check.")] = False
    no_color: NoColorOption = False


def shoes_check(app: AppContext, request: ShoesArgs) -> None:
    from footback.shoes.flow import ShoeCheckRequest, run_shoes_check

    # The configured unit (None if unset) reads bare distances; a written unit ("12km") wins.
    units = app.config.settings.units if app.config.is_set("units") else None
    no_color = app.colour_off(request.no_color)
    if request.template or request.schema:
        from footback.shoes.service import content_in

        qset = content_in(units).questions
        return print_answers_help(qset, request)
    flags = (request.list_saved, request.all_pairs, request.add_distance, request.undo, request.retire)
    asked = ShoeCheckRequest(
        request.answers, request.name, *flags, request.as_json, request.no_save, no_color, units
    )
    run_shoes_check(app, asked)
