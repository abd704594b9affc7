# Compiled by scripts/compile_templates.py from templates/poster_block.xml: do not edit.
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'poster_block.xml'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_block = resolve('block')
    l_0_t = resolve('t')
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['nobreak']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'nobreak' found.")
    try:
        t_3 = environment.filters['seconds']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'seconds' found.")
    try:
        t_4 = environment.filters['select']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'select' found.")
    pass
    yield '<p style="block_title">'
    yield escape(environment.getattr((undefined(name='block') if l_0_block is missing else l_0_block), 'title'))
    yield '</p>\n'
    if environment.getattr((undefined(name='block') if l_0_block is missing else l_0_block), 'rounds'):
        pass
        yield '<p style="dose_more">'
        yield escape(t_1(context.eval_ctx, t_4(context, [t_2(markup_join((environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'rounds'), ': ', environment.getattr((undefined(name='block') if l_0_block is missing else l_0_block), 'rounds'), ))), (t_2(markup_join((environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'rest'), ' ', t_3(environment.getattr((undefined(name='block') if l_0_block is missing else l_0_block), 'rest')), ))) if environment.getattr((undefined(name='block') if l_0_block is missing else l_0_block), 'rest') else '')]), '\xa0· '))
        yield '</p>\n'

blocks = {}
debug_info = '3=38&4=40&5=43'
