"""Formulas for calculated indicators, parsed with `ast` and worked out by walking the tree.

Nothing is ever passed to eval: a formula may hold only numbers, other indicators' codes (with
spaces and punctuation written as "_", so "NI 14" is NI_14), + - * / and brackets.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

_OPERATORS = (ast.Add, ast.Sub, ast.Mult, ast.Div)


class FormulaError(ValueError):
    """The formula uses something other than numbers, codes, + - * / and brackets."""


class NotCalculable(Exception):
    """The formula is sound but cannot give a value for this period; the message says why."""


def code_name(code: str) -> str:
    """How a code is written in a formula: "NI 14" is NI_14, "sx18" is SX18."""
    return re.sub(r"\W+", "_", code.strip()).strip("_").upper()


def parse(formula: str) -> ast.expr:
    try:
        tree = ast.parse(formula.strip(), mode="eval").body
    except SyntaxError as error:
        raise FormulaError(
            "The formula is not a calculation: check its brackets and signs"
        ) from error
    for node in ast.walk(tree):
        if isinstance(node, ast.BinOp) and isinstance(node.op, _OPERATORS):
            continue
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
            continue
        if isinstance(node, ast.Constant) and type(node.value) in (int, float):
            continue
        if isinstance(node, ast.Name | ast.Load | ast.operator | ast.unaryop):
            continue
        raise FormulaError("A formula may use only numbers, indicator codes, + - * / and brackets")
    return tree


def names_in(tree: ast.expr) -> set[str]:
    return {code_name(n.id) for n in ast.walk(tree) if isinstance(n, ast.Name)}


def calculate(tree: ast.expr, values: Mapping[str, Decimal | None]) -> Decimal:
    """The formula's value, or NotCalculable naming the missing input or the division by zero."""
    missing = sorted(name for name in names_in(tree) if values.get(name) is None)
    if missing:
        raise NotCalculable(
            f"{', '.join(missing)} {'has' if len(missing) == 1 else 'have'} no value"
        )
    return _value(tree, values)


def _value(node: ast.expr, values: Mapping[str, Decimal | None]) -> Decimal:
    if isinstance(node, ast.Constant):
        return Decimal(str(node.value))
    if isinstance(node, ast.Name):
        found = values[code_name(node.id)]
        assert found is not None
        return found
    if isinstance(node, ast.UnaryOp):
        inner = _value(node.operand, values)
        return -inner if isinstance(node.op, ast.USub) else inner
    assert isinstance(node, ast.BinOp)
    left, right = _value(node.left, values), _value(node.right, values)
    if isinstance(node.op, ast.Add):
        return left + right
    if isinstance(node.op, ast.Sub):
        return left - right
    if isinstance(node.op, ast.Mult):
        return left * right
    if right == 0:
        raise NotCalculable(f"it would divide by zero ({ast.unparse(node.right)} is 0)")
    try:
        return left / right
    except InvalidOperation as error:  # pragma: no cover - Decimal's own limits
        raise NotCalculable("the numbers are out of range") from error
