# Compiled by scripts/compile_templates.py from templates/back.xml: do not edit.
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'back.xml'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_key = resolve('key')
    l_0_t = resolve('t')
    l_0_author = resolve('author')
    l_0_web = resolve('web')
    l_0_beside = resolve('beside')
    l_0_who = l_0_reach = missing
    try:
        t_1 = environment.filters['paragraphs']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'paragraphs' found.")
    try:
        t_2 = environment.filters['replace']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'replace' found.")
    try:
        t_3 = environment.filters['select']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'select' found.")
    pass
    def macro():
        t_4 = []
        pass
        t_4.extend((
            '<p style="cover_author">',
            escape(environment.getattr((undefined(name='author') if l_0_author is missing else l_0_author), 'name')),
            '</p>\n',
        ))
        for l_2_line in t_3(context, [environment.getattr((undefined(name='author') if l_0_author is missing else l_0_author), 'role'), environment.getattr((undefined(name='author') if l_0_author is missing else l_0_author), 'organisation')]):
            _loop_vars = {}
            pass
            t_4.extend((
                '<p style="meta">',
                escape(l_2_line),
                '</p>\n',
            ))
        l_2_line = missing
        return concat(t_4)
    context.exported_vars.add('who')
    context.vars['who'] = l_0_who = Macro(environment, macro, 'who', (), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_5 = []
        pass
        if environment.getattr((undefined(name='author') if l_0_author is missing else l_0_author), 'email'):
            pass
            t_5.extend((
                '<p style="body"><a href="mailto:',
                escape(environment.getattr((undefined(name='author') if l_0_author is missing else l_0_author), 'email')),
                '">',
                escape(environment.getattr((undefined(name='author') if l_0_author is missing else l_0_author), 'email')),
                '</a></p>\n',
            ))
        if environment.getattr((undefined(name='author') if l_0_author is missing else l_0_author), 'phone'):
            pass
            t_5.extend((
                '<p style="body"><a href="tel:',
                escape(t_2(context.eval_ctx, environment.getattr((undefined(name='author') if l_0_author is missing else l_0_author), 'phone'), ' ', '')),
                '">',
                escape(environment.getattr((undefined(name='author') if l_0_author is missing else l_0_author), 'phone')),
                '</a></p>\n',
            ))
        if (undefined(name='web') if l_0_web is missing else l_0_web):
            pass
            t_5.extend((
                '<p style="body"><a href="',
                escape((undefined(name='web') if l_0_web is missing else l_0_web)),
                '">',
                escape(environment.getattr((undefined(name='author') if l_0_author is missing else l_0_author), 'web')),
                '</a></p>\n',
            ))
        return concat(t_5)
    context.exported_vars.add('reach')
    context.vars['reach'] = l_0_reach = Macro(environment, macro, 'reach', (), False, False, False, context.eval_ctx.autoescape)
    yield '<h style="h1" key="'
    yield escape((undefined(name='key') if l_0_key is missing else l_0_key))
    yield '" level="0">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'about_author'))
    yield '</h>\n'
    if environment.getattr((undefined(name='author') if l_0_author is missing else l_0_author), 'photo'):
        pass
        yield '<columns><col width="33%"><image/></col><col width="67%">'
        yield escape(environment.call(context, (undefined(name='who') if l_0_who is missing else l_0_who)))
        yield '</col></columns>\n'
    else:
        pass
        yield escape(environment.call(context, (undefined(name='who') if l_0_who is missing else l_0_who)))
        yield '\n<space h="6"/>\n'
    for l_1_para in t_1((environment.getattr((undefined(name='author') if l_0_author is missing else l_0_author), 'bio') or '')):
        _loop_vars = {}
        pass
        yield '<p style="body">'
        yield escape(l_1_para)
        yield '</p>\n'
    l_1_para = missing
    if ((environment.getattr((undefined(name='author') if l_0_author is missing else l_0_author), 'email') or environment.getattr((undefined(name='author') if l_0_author is missing else l_0_author), 'phone')) or (undefined(name='web') if l_0_web is missing else l_0_web)):
        pass
        yield '<box style="box">\n<p style="box_title">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'contact'))
        yield '</p>\n'
        if ((undefined(name='web') if l_0_web is missing else l_0_web) and (undefined(name='beside') if l_0_beside is missing else l_0_beside)):
            pass
            yield '<columns><col width="70%">'
            yield escape(environment.call(context, (undefined(name='reach') if l_0_reach is missing else l_0_reach)))
            yield '</col><col width="30%"><qr/></col></columns>\n'
        else:
            pass
            yield escape(environment.call(context, (undefined(name='reach') if l_0_reach is missing else l_0_reach)))
            yield '\n<space h="4"/>\n<qr/>\n'
        yield '</box>\n'

blocks = {}
debug_info = '6=35&7=40&8=43&9=48&12=55&13=58&14=62&16=67&17=71&19=76&20=80&23=89&24=93&25=96&27=100&30=102&31=106&33=109&35=112&36=114&37=117&39=121'
