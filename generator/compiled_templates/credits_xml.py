# Compiled by scripts/compile_templates.py from templates/credits.xml: do not edit.
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'credits.xml'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_key = resolve('key')
    l_0_t = resolve('t')
    l_0_credits = resolve('credits')
    try:
        t_1 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    pass
    yield '<h style="h2" key="'
    yield escape((undefined(name='key') if l_0_key is missing else l_0_key))
    yield '" level="0">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'credits'))
    yield '</h>\n'
    for l_1_line in (undefined(name='credits') if l_0_credits is missing else l_0_credits):
        _loop_vars = {}
        pass
        yield '<p style="small">'
        yield escape(t_1(l_1_line))
        yield '</p>\n'
    l_1_line = missing

blocks = {}
debug_info = '2=21&3=25&4=29'
