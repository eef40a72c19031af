"""201 module names: no key table, an ordinary dict (names bound by unpacking)."""

h000, h001, h002, h003, h004, h005, h006, h007, h008, h009, h010, h011, h012, h013 = [3 * i for i in range(0, 14)]
h014, h015, h016, h017, h018, h019, h020, h021, h022, h023, h024, h025, h026, h027 = [3 * i for i in range(14, 28)]
h028, h029, h030, h031, h032, h033, h034, h035, h036, h037, h038, h039, h040, h041 = [3 * i for i in range(28, 42)]
h042, h043, h044, h045, h046, h047, h048, h049, h050, h051, h052, h053, h054, h055 = [3 * i for i in range(42, 56)]
h056, h057, h058, h059, h060, h061, h062, h063, h064, h065, h066, h067, h068, h069 = [3 * i for i in range(56, 70)]
h070, h071, h072, h073, h074, h075, h076, h077, h078, h079, h080, h081, h082, h083 = [3 * i for i in range(70, 84)]
h084, h085, h086, h087, h088, h089, h090, h091, h092, h093, h094, h095, h096, h097 = [3 * i for i in range(84, 98)]
h098, h099, h100, h101, h102, h103, h104, h105, h106, h107, h108, h109, h110, h111 = [3 * i for i in range(98, 112)]
h112, h113, h114, h115, h116, h117, h118, h119, h120, h121, h122, h123, h124, h125 = [3 * i for i in range(112, 126)]
h126, h127, h128, h129, h130, h131, h132, h133, h134, h135, h136, h137, h138, h139 = [3 * i for i in range(126, 140)]
h140, h141, h142, h143, h144, h145, h146, h147, h148, h149, h150, h151, h152, h153 = [3 * i for i in range(140, 154)]
h154, h155, h156, h157, h158, h159, h160, h161, h162, h163, h164, h165, h166, h167 = [3 * i for i in range(154, 168)]
h168, h169, h170, h171, h172, h173, h174, h175, h176, h177, h178, h179, h180, h181 = [3 * i for i in range(168, 182)]
h182, h183, h184, h185, h186, h187, h188, h189, h190, h191, h192, h193, h194, h195 = [3 * i for i in range(182, 196)]

def total():
    ns = globals()
    return sum(v for k, v in ns.items() if k[0] == 'h' and k[1:].isdigit())
