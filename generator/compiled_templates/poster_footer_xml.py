# Compiled by scripts/compile_templates.py from templates/poster_footer.xml: do not edit.
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'poster_footer.xml'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_footer = resolve('footer')
    l_0_credits = resolve('credits')
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['map']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'map' found.")
    try:
        t_3 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    pass
    if (undefined(name='footer') if l_0_footer is missing else l_0_footer):
        pass
        yield '<p style="footer">'
        yield escape(t_3((undefined(name='footer') if l_0_footer is missing else l_0_footer)))
        yield '</p>\n'
    elif (undefined(name='credits') if l_0_credits is missing else l_0_credits):
        pass
        yield '<p style="footer">'
        yield escape(t_1(context.eval_ctx, t_2(context, (undefined(name='credits') if l_0_credits is missing else l_0_credits), 'md'), ' · '))
        yield '</p>\n'

blocks = {}
debug_info = '2=31&3=34&4=36&5=39'
