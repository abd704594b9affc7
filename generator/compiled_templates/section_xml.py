# Compiled by scripts/compile_templates.py from templates/section.xml: do not edit.
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'section.xml'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_key = resolve('key')
    l_0_title = resolve('title')
    l_0_body = resolve('body')
    try:
        t_1 = environment.filters['paragraphs']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'paragraphs' found.")
    pass
    yield '<h style="h1" key="'
    yield escape((undefined(name='key') if l_0_key is missing else l_0_key))
    yield '" level="0">'
    yield escape((undefined(name='title') if l_0_title is missing else l_0_title))
    yield '</h>\n'
    l_1_loop = missing
    for l_1_para, l_1_loop in LoopContext(t_1((undefined(name='body') if l_0_body is missing else l_0_body)), undefined):
        l_1_lead = resolve('lead')
        _loop_vars = {}
        pass
        yield '<p style="'
        yield escape(('lead' if (environment.getattr(l_1_loop, 'first') and (undefined(name='lead') if l_1_lead is missing else l_1_lead)) else 'body'))
        yield '">'
        yield escape(l_1_para)
        yield '</p>\n'
    l_1_loop = l_1_para = l_1_lead = missing

blocks = {}
debug_info = '2=21&3=26&4=31'
