# Compiled by scripts/compile_templates.py from templates/poster_trainer.xml: do not edit.
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'poster_trainer.xml'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_author = resolve('author')
    try:
        t_1 = environment.filters['nobreak']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'nobreak' found.")
    try:
        t_2 = environment.filters['select']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'select' found.")
    pass
    if (undefined(name='author') if l_0_author is missing else l_0_author):
        pass
        yield '<p style="poster_trainer">'
        yield escape(t_1(environment.getattr((undefined(name='author') if l_0_author is missing else l_0_author), 'name')))
        yield '</p>\n'
        for l_1_line in t_2(context, [environment.getattr((undefined(name='author') if l_0_author is missing else l_0_author), 'role'), environment.getattr((undefined(name='author') if l_0_author is missing else l_0_author), 'organisation'), environment.getattr((undefined(name='author') if l_0_author is missing else l_0_author), 'phone'), environment.getattr((undefined(name='author') if l_0_author is missing else l_0_author), 'email'), environment.getattr((undefined(name='author') if l_0_author is missing else l_0_author), 'web')]):
            _loop_vars = {}
            pass
            yield '<p style="poster_contact">'
            yield escape(t_1(l_1_line))
            yield '</p>\n'
        l_1_line = missing

blocks = {}
debug_info = '3=24&4=27&5=29&6=33'
