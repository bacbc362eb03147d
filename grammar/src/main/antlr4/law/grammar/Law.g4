/*
 * The grammar of the .law language: scaling-law forms, datasets, fits and queries.
 *
 * Statements end at a newline. A newline is not a statement end (the lexer drops it) when it
 * stands inside ( ) or [ ], right after an operator, a comma or an opening brace, or right after
 * another newline. Inside { } blocks newlines separate the block's items.
 *
 * The parser rules come first, lexer rules last; the final catch-all token turns a stray
 * character into a syntax diagnostic instead of a lexer failure.
 */
grammar Law;

@lexer::members {
    private int depth = 0;
    private final java.util.ArrayDeque<Integer> outer = new java.util.ArrayDeque<>();
    private int lastType = NL;

    @Override
    public org.antlr.v4.runtime.Token nextToken() {
        while (true) {
            org.antlr.v4.runtime.Token t = super.nextToken();
            if (t.getChannel() != org.antlr.v4.runtime.Token.DEFAULT_CHANNEL) {
                return t;
            }
            int type = t.getType();
            if (type == NL) {
                if (depth > 0 || continues(lastType)) {
                    continue;
                }
            } else if (type == LPAREN || type == LBRACK) {
                depth++;
            } else if ((type == RPAREN || type == RBRACK) && depth > 0) {
                depth--;
            } else if (type == LBRACE) {
                outer.push(depth);
                depth = 0;
            } else if (type == RBRACE && !outer.isEmpty()) {
                depth = outer.pop();
            }
            lastType = type;
            return t;
        }
    }

    /** Whether a character beyond ASCII is a letter (\p{L}), or with {@code digits} a letter or number (\p{N}). */
    private static boolean letter(int c, boolean digits) {
        switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER: case Character.LOWERCASE_LETTER: case Character.TITLECASE_LETTER:
            case Character.MODIFIER_LETTER: case Character.OTHER_LETTER:
                return true;
            case Character.DECIMAL_DIGIT_NUMBER: case Character.LETTER_NUMBER: case Character.OTHER_NUMBER:
                return digits;
            default:
                return false;
        }
    }

    /** True when a newline after a token of this type continues the statement. */
    private static boolean continues(int type) {
        switch (type) {
            case NL: case COMMA: case ASSIGN: case TILDE: case COLON: case PLUS: case MINUS:
            case STAR: case SLASH: case CARET: case DOTDOT: case ARROW: case LT: case LE: case GT:
            case GE: case EQ: case NE: case PLUSMINUS: case LBRACE: case AND: case OR: case NOT:
                return true;
            default:
                return false;
        }
    }
}

// ---------------------------------------------------------------- program

program
    : NL* (statement (NL+ statement)*)? NL* EOF
    ;

statement
    : lawDecl
    | letDecl
    | constraintDecl
    | dataDecl
    | fitDecl
    | isoflopDecl
    | useDecl
    | printStmt
    | minimizeStmt
    | optimalStmt
    | solveStmt
    | tableStmt
    | predictStmt
    | compareStmt
    | rolloutStmt
    | expectStmt
    | plotStmt
    | exportStmt
    | exprStmt
    ;

// ---------------------------------------------------------------- declarations

lawDecl
    : LAW name LPAREN nameList? RPAREN ASSIGN expr (WHERE relation)? lawBlock?   # lawForm
    | LAW name ASSIGN name WITH lawBlock                          # lawWith
    ;

lawBlock
    : LBRACE NL* (lawItem (sep lawItem)*)? sep? RBRACE
    ;

lawItem
    : name (LT | LE | GT | GE) expr                               # boundItem
    | name IN interval                                            # intervalItem
    | name ASSIGN expr                                            # assignItem
    | LET name ASSIGN expr                                        # localLetItem
    | CITE STRING                                                 # citeItem
    | name COLON STRING                                           # describeItem
    | name                                                        # declareItem
    ;

interval
    : (LPAREN | LBRACK) expr COMMA expr (RPAREN | RBRACK)
    ;

binding
    : name ASSIGN expr
    ;

sep
    : COMMA NL*
    | NL+
    ;

letDecl
    : LET name ASSIGN expr
    ;

constraintDecl
    : CONSTRAINT (name COLON)? relation
    ;

dataDecl
    : DATA name ASSIGN dataSource dataBlock?
    ;

dataSource
    : TABLE tableBlock                                            # tableSource
    | name LPAREN argList? RPAREN                                 # callSource
    ;

tableBlock
    : LBRACE NL* tableRow (NL+ tableRow)* (NL+ dataClause)* NL* RBRACE
    ;

tableRow
    : cell (COMMA cell)*
    ;

cell
    : MINUS? NUMBER
    | STRING
    | name
    ;

dataBlock
    : LBRACE NL* (dataClause (sep dataClause)*)? sep? RBRACE
    ;

dataClause
    : name ASSIGN expr                                            # columnClause
    | WHERE condition                                             # whereClause
    | DROP NUMBER (LARGEST | SMALLEST) name                       # dropClause
    | DEDUP                                                       # dedupClause
    | GROUP BY nameList                                           # groupClause
    | NAN ASSIGN (name | DROP)                                    # nanClause
    ;

fitDecl
    : FIT name ASSIGN expr TILDE expr IN name (BY nameList)? optionsBlock?
    ;

isoflopDecl
    : ISOFLOP name ASSIGN expr TILDE expr IN name BY nameList optionsBlock?
    ;

optionsBlock
    : LBRACE NL* (option (sep option)*)? sep? RBRACE
    ;

option
    : name ASSIGN expr                                            # valueOption
    | WHERE ASSIGN? condition                                     # whereOption
    ;

useDecl
    : USE (name | STRING)
    ;

// ---------------------------------------------------------------- queries

printStmt
    : PRINT query (COMMA query)*
    ;

minimizeStmt
    : (MINIMIZE | MAXIMIZE) expr (OVER varSpec (COMMA varSpec)*)? subjectTo?
    ;

varSpec
    : name (IN interval)?
    ;

subjectTo
    : SUBJECT TO relation (COMMA relation)*
    ;

optimalStmt
    : OPTIMAL nameList FOR name AT atBinding (COMMA atBinding)* subjectTo?
    ;

atBinding
    : name (ASSIGN expr)?
    ;

solveStmt
    : SOLVE relation FOR name (IN interval)?
    ;

tableStmt
    : TABLE tableVar (COMMA tableVar)* COLON query (COMMA query)* (ARROW STRING)?
    ;

tableVar
    : name ASSIGN expr
    ;

predictStmt
    : PREDICT name AT LPAREN binding (COMMA binding)* RPAREN optionsBlock?     # predictAt
    | PREDICT expr optionsBlock?                                               # predictExpr
    ;

compareStmt
    : COMPARE expr (COMMA expr)* (TILDE expr)? ON name (BY nameList)? (WHERE condition)? (HOLDOUT condition)? optionsBlock?
    ;

/** {@code rollout FIT by COL { OPTIONS }}: refits on every prefix of the rungs, predicts the next. */
rolloutStmt
    : ROLLOUT name BY name optionsBlock?
    ;

expectStmt
    : EXPECT query relOp expr (PLUSMINUS expr PERCENT?)?
    ;

plotStmt
    : PLOT expr (COMMA expr)* (ON name)? (BY nameList)? optionsBlock? ARROW STRING
    ;

exportStmt
    : EXPORT expr ARROW STRING
    ;

exprStmt
    : expr
    ;

/** Anything that yields a value: a query form or a plain expression. */
query
    : minimizeStmt
    | optimalStmt
    | solveStmt
    | predictStmt
    | compareStmt
    | rolloutStmt
    | expr
    ;

// ---------------------------------------------------------------- expressions

relation
    : expr relOp expr
    ;

relOp
    : ASSIGN | EQ | NE | LT | LE | GT | GE
    ;

condition
    : NOT condition                                               # notCond
    | condition AND condition                                     # andCond
    | condition OR condition                                      # orCond
    | LPAREN condition RPAREN                                     # parenCond
    | expr relOp expr                                             # relCond
    ;

expr
    : expr DOT name                                               # memberExpr
    | <assoc=right> expr CARET expr                               # powExpr
    | (MINUS | PLUS) expr                                         # unaryExpr
    | expr (STAR | SLASH) expr                                    # mulExpr
    | expr (PLUS | MINUS) expr                                    # addExpr
    | expr DOTDOT expr ((BY | LOG) expr)?                         # rangeExpr
    | name LPAREN argList? RPAREN                                 # callExpr
    | NUMBER                                                      # numberExpr
    | STRING                                                      # stringExpr
    | name                                                        # nameExpr
    | LPAREN query RPAREN                                         # parenExpr
    | LBRACK (expr (COMMA expr)*)? RBRACK                         # listExpr
    | LBRACE NL* (binding (sep binding)*)? sep? RBRACE            # recordExpr
    ;

argList
    : arg (COMMA arg)*
    ;

arg
    : (name ASSIGN)? expr
    ;

nameList
    : name (COMMA name)*
    ;

/** An identifier; soft keywords stay usable as names where no statement keyword is expected. */
name
    : ID
    | QUOTED_ID
    | LOG | BY | AT | ON | OVER | TO | GROUP | NAN | LARGEST | SMALLEST | CITE | DIFF | HOLDOUT | ROLLOUT
    ;

// ---------------------------------------------------------------- lexer

LAW        : 'law';
LET        : 'let';
CONSTRAINT : 'constraint';
DATA       : 'data';
FIT        : 'fit';
ISOFLOP    : 'isoflop';
USE        : 'use';
PRINT      : 'print';
MINIMIZE   : 'minimize';
MAXIMIZE   : 'maximize';
OPTIMAL    : 'optimal';
SOLVE      : 'solve';
TABLE      : 'table';
PREDICT    : 'predict';
COMPARE    : 'compare';
EXPECT     : 'expect';
PLOT       : 'plot';
EXPORT     : 'export';
WITH       : 'with';
WHERE      : 'where';
DROP       : 'drop';
DEDUP      : 'dedup';
LARGEST    : 'largest';
SMALLEST   : 'smallest';
GROUP      : 'group';
NAN        : 'nan';
CITE       : 'cite';
DIFF       : 'diff';
HOLDOUT    : 'holdout';
ROLLOUT    : 'rollout';
IN         : 'in';
BY         : 'by';
LOG        : 'log';
FOR        : 'for';
AT         : 'at';
ON         : 'on';
OVER       : 'over';
SUBJECT    : 'subject';
TO         : 'to';
AND        : 'and';
OR         : 'or';
NOT        : 'not';

NUMBER
    : DIGITS ('.' DIGITS)? EXPONENT? SUFFIX?
    ;

fragment DIGITS   : [0-9] ('_'? [0-9])* ;
fragment EXPONENT : [eE] [+-]? [0-9]+ ;
fragment SUFFIX   : [kMBTP] ;

STRING
    : '"' (ESCAPE | ~["\\\r\n])* '"'
    ;

UNTERMINATED_STRING
    : '"' (ESCAPE | ~["\\\r\n])*
    ;

fragment ESCAPE : '\\' . ;

// A name: a letter or '_', then letters, digits and '_' (Unicode letters \p{L} and numbers \p{N}, as
// java.lang.Character classifies them). Only ASCII is spelled out as sets: ANTLR builds the sets
// of \p{L} and \p{N} (about 800 ranges) at start-up in quadratic time, which cost every run
// 30-40 ms of CPU, so a character beyond ASCII matches one range and a check of its category.
ID
    : ID_START ID_PART*
    ;
fragment ID_START
    : [a-zA-Z_]
    | [\u0080-\u{10FFFF}] { letter(_input.LA(-1), false) }?
    ;
fragment ID_PART
    : [a-zA-Z0-9_]
    | [\u0080-\u{10FFFF}] { letter(_input.LA(-1), true) }?
    ;

QUOTED_ID
    : '`' ~[`\r\n]+ '`'
    ;

PLUSMINUS : '+-' | '±';
ARROW     : '->';
DOTDOT    : '..';
LE        : '<=';
GE        : '>=';
EQ        : '==';
NE        : '!=';
LT        : '<';
GT        : '>';
ASSIGN    : '=';
PLUS      : '+';
MINUS     : '-';
STAR      : '*';
SLASH     : '/';
CARET     : '^';
PERCENT   : '%';
TILDE     : '~';
COLON     : ':';
COMMA     : ',';
DOT       : '.';
LPAREN    : '(';
RPAREN    : ')';
LBRACK    : '[';
RBRACK    : ']';
LBRACE    : '{';
RBRACE    : '}';

DOC_COMMENT : '##' ~[\r\n]* -> channel(2);
COMMENT     : '#' ~[\r\n]* -> skip;
NL          : '\r'? '\n' | '\r' | ';';
WS          : [ \t\f\u00A0\uFEFF]+ -> skip;

/** Any other character: reported by the parser as a stray character. */
ERROR_CHAR : . ;
